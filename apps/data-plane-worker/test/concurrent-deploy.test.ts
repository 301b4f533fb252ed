// Two workers on one database deploying the same project at the same moment serialise: one
// migration is scheduled at a time (the other deploy gets 4008 or comes after), and every
// scheduled migration applies whole.
import { createLogger } from '@refract/shared';
import { createTestDatabase, type TestDatabase } from '@refract/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkerConfig } from '../src/config/worker.config.js';
import { startWorker, type RunningWorker } from '../src/worker.js';
import { MANAGEMENT_SECRET, cliToken } from './worker.harness.js';

let database: TestDatabase;
const workers: RunningWorker[] = [];

beforeAll(async () => {
  database = await createTestDatabase({ prefix: 'concurrent' });
  for (let i = 0; i < 2; i++) {
    const config = loadWorkerConfig({ DATABASE_URL: database.url, PORT: '0', MANAGEMENT_API_SECRET: MANAGEMENT_SECRET, LOG_LEVEL: 'silent' });
    workers.push(await startWorker(config, createLogger({ name: `worker-${i}`, level: 'silent' })));
  }
});

afterAll(async () => {
  for (const worker of workers) await worker.close();
  await database?.drop();
});

async function management(worker: RunningWorker, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`http://127.0.0.1:${worker.port}/management`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${cliToken()}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as any;
}

const DEPLOY = 'mutation ($t: String!) { deploy(input: {name: "race", stage: "dev", types: $t}) { migration { revision } errors { description } } }';

describe('concurrent deploys of one project through two workers', () => {
  it('schedule one migration at a time and apply each whole', async () => {
    const [a, b] = workers as [RunningWorker, RunningWorker];
    await management(a, 'mutation { addProject(input: {name: "race", stage: "dev"}) { project { name } } }');
    const results = await Promise.all([
      management(a, DEPLOY, { t: 'type A { id: ID! @id  x: String }' }),
      management(b, DEPLOY, { t: 'type B { id: ID! @id  y: String }' }),
    ]);
    const scheduled = results.filter((r) => r.data?.deploy?.migration).map((r) => r.data.deploy.migration.revision);
    const refused = results.filter((r) => r.errors?.[0]?.code === 4008);
    expect(scheduled.length + refused.length).toBe(2);
    expect(new Set(scheduled).size).toBe(scheduled.length);
    expect(scheduled.length).toBeGreaterThanOrEqual(1);
    await Promise.all(workers.map((w) => w.applier.idle()));
    const pool = database.pool();
    const { rows } = await pool.query(`SELECT "revision", "status" FROM "management"."Migration" WHERE "projectId" = 'race$dev' ORDER BY 1`);
    const tables = await pool.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'race$dev'`);
    await pool.end();
    expect(rows.every((r: { status: string }) => r.status === 'SUCCESS')).toBe(true);
    expect(rows.map((r: { revision: number }) => r.revision)).toEqual([1, ...scheduled.sort()]);
    // The last applied datamodel decides the tables: exactly one of A or B exists.
    expect(tables.rows).toHaveLength(1);
  });
});
