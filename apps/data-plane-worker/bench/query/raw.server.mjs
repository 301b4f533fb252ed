// The ceiling: a minimal node-postgres HTTP server that runs, per workload, the one SQL statement a
// person would write by hand, as a named prepared statement, and returns the JSON text PostgreSQL
// built without parsing it. No GraphQL, no validation, no authorisation. Run as a child process by
// query.bench.mjs: POST / {"workload":"a","params":{…}} → {"data":…}; GET / → OK.
// Writes (workload (e)) are the same kind of request: one INSERT … RETURNING statement that builds
// the response; it returns no row when nothing was written (no such author), which is an error.
import { createServer } from 'node:http';
import pg from 'pg';
import { workloadByKey } from './workloads.mjs';

const schema = process.env.BENCH_SCHEMA ?? 'bench$dev';
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10), application_name: 'bench-raw' });
const statements = new Map([...workloadByKey].map(([key, w]) => [key, { name: `bench_${key}`, text: w.raw.sql(schema) }]));

const server = createServer((req, res) => {
  if (req.method !== 'POST') {
    res.end('OK');
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try {
      const { workload, params } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const statement = statements.get(workload);
      if (!statement) throw new Error(`unknown workload ${workload}`);
      const { rows } = await pool.query({ ...statement, values: workloadByKey.get(workload).raw.values(params) });
      if (rows.length === 0) throw new Error(`workload ${workload}: no row for ${JSON.stringify(params)}`);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(rows[0].body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: String(error?.message ?? error) }] }));
    }
  });
});

const stop = () => {
  server.close();
  server.closeAllConnections();
  pool.end().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The benchmark holds an IPC channel: if it dies, so do we.
process.on('disconnect', stop);
server.listen(Number(process.env.PORT), '127.0.0.1');
