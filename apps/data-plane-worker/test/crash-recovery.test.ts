// A worker killed with SIGKILL while applying a migration leaves the project at its previous
// revision (the migration's transaction is rolled back), and the next worker finishes the job.
import { createServer } from 'node:net';
import { createTestDatabase, type TestDatabase } from '@refract/shared/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANAGEMENT_SECRET, cliToken } from './worker.harness.js';
import { buildWorker, spawnWorker, stopWorker, type WorkerProcess } from './worker.process.js';

let database: TestDatabase;
let admin: pg.Pool;
const workers: WorkerProcess[] = [];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function start(): Promise<WorkerProcess> {
  const worker = await spawnWorker({ DATABASE_URL: database.url, MANAGEMENT_API_SECRET: MANAGEMENT_SECRET }, await freePort());
  workers.push(worker);
  return worker;
}

async function management(worker: WorkerProcess, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${worker.url}/management`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${cliToken()}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as any;
}

const DEPLOY = 'mutation ($types: String!) { deploy(input: {name: "shop", stage: "dev", types: $types}) { migration { revision } errors { description } warnings { description } } }';
const STATUS = '{ migrationStatus(name: "shop", stage: "dev") { revision status errors } }';
const tables = async () =>
  (await admin.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'shop$dev' ORDER BY 1`)).rows.map((r) => r.table_name);

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  buildWorker();
  database = await createTestDatabase({ prefix: 'crash' });
  admin = database.pool();
}, 300_000);

afterAll(async () => {
  for (const worker of workers) await stopWorker(worker, 'SIGKILL');
  await admin?.end();
  await database?.drop();
});

describe('a worker killed while applying a migration', () => {
  it('leaves the previous revision in place, and the next worker applies the migration whole', async () => {
    const first = await start();
    await management(first, 'mutation { addProject(input: {name: "shop", stage: "dev"}) { project { name } } }');
    const v1 = 'type Product { id: ID! @id  name: String }';
    expect((await management(first, DEPLOY, { types: v1 })).data.deploy.migration).toEqual({ revision: 2 });
    await until(async () => (await management(first, STATUS)).data.migrationStatus.status === 'SUCCESS', 'revision 2');

    // Hold a lock on Product so the next migration blocks halfway: it creates Review, then waits
    // to alter Product. Then kill the worker outright.
    const blocker = await admin.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE "shop$dev"."Product" IN ACCESS EXCLUSIVE MODE');
    const v2 = 'type Product { id: ID! @id  name: String  price: Int }\ntype Review { id: ID! @id  text: String }';
    expect((await management(first, DEPLOY, { types: v2 })).data.deploy.migration).toEqual({ revision: 3 });
    await until(
      async () => (await admin.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%ALTER TABLE%Product%'`)).rowCount! > 0,
      'the migration to block on the lock',
    );
    await stopWorker(first, 'SIGKILL');
    await blocker.query('ROLLBACK');
    blocker.release();

    // PostgreSQL rolls the orphaned transaction back once it finds the client gone.
    await until(async () => (await admin.query(`SELECT 1 FROM pg_stat_activity WHERE query LIKE '%ALTER TABLE%Product%' AND state <> 'idle' AND pid <> pg_backend_pid()`)).rowCount === 0, 'the rollback');
    expect(await tables()).toEqual(['Product']);
    const columns = (await admin.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'shop$dev' AND table_name = 'Product' ORDER BY 1`)).rows;
    expect(columns.map((c) => c.column_name)).toEqual(['id', 'name']);
    const stored = (await admin.query(`SELECT "revision", "status" FROM "management"."Migration" WHERE "projectId" = 'shop$dev' ORDER BY "revision"`)).rows;
    expect(stored).toEqual([
      { revision: 1, status: 'SUCCESS' },
      { revision: 2, status: 'SUCCESS' },
      { revision: 3, status: 'PENDING' },
    ]);

    // A new worker picks the pending migration up and applies all of it; the next deploy succeeds.
    const second = await start();
    await until(async () => (await management(second, STATUS)).data.migrationStatus.status === 'SUCCESS', 'revision 3');
    expect((await management(second, STATUS)).data.migrationStatus).toEqual({ revision: 3, status: 'SUCCESS', errors: [] });
    expect(await tables()).toEqual(['Product', 'Review']);
    const v3 = `${v2}\ntype Tag { id: ID! @id }`;
    expect((await management(second, DEPLOY, { types: v3 })).data.deploy.migration).toEqual({ revision: 4 });
    await until(async () => (await management(second, STATUS)).data.migrationStatus.status === 'SUCCESS', 'revision 4');
    expect(await tables()).toEqual(['Product', 'Review', 'Tag']);
    expect(await stopWorker(second, 'SIGTERM')).toBe(0);
  }, 120_000);
});
