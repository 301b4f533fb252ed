import { randomBytes } from 'node:crypto';
import { Client, escapeIdentifier } from 'pg';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, sweepStaleTestDatabases, useTestDatabase, type TestDatabase } from '../src/testing/index.js';
import { testDatabaseName } from '../src/testing/test-database.fixture.js';

const ADMIN_URL = adminUrl();

function adminUrl(): string {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = '/postgres';
  return url.toString();
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function databaseExists(name: string): Promise<boolean> {
  const { rowCount } = await admin((client) => client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]));
  return rowCount === 1;
}

describe('createTestDatabase', () => {
  const created: TestDatabase[] = [];
  afterAll(async () => {
    // Safety net for a failed assertion half-way; drop() is idempotent.
    await Promise.all(created.map((database) => database.drop()));
  });

  async function create(prefix: string): Promise<TestDatabase> {
    const database = await createTestDatabase({ prefix });
    created.push(database);
    return database;
  }

  it('creates a fresh, usable database with a safe unique name', async () => {
    const database = await create('shared_db');

    expect(database.name).toMatch(/^refract_test_shared_db_[0-9a-z]+_[0-9a-f]{8}$/);
    expect(new URL(database.url).pathname).toBe(`/${database.name}`);
    expect(await databaseExists(database.name)).toBe(true);

    const pool = database.pool({ max: 2 });
    await pool.query('CREATE TABLE item (id serial PRIMARY KEY, label text NOT NULL)');
    await pool.query('INSERT INTO item (label) VALUES ($1), ($2)', ['a', 'b']);
    const { rows } = await pool.query<{ label: string }>('SELECT label FROM item ORDER BY id');
    const { rows: current } = await pool.query<{ name: string }>('SELECT current_database() AS name');

    expect(rows.map((row) => row.label)).toEqual(['a', 'b']);
    expect(current[0]?.name).toBe(database.name);
  });

  it('gives every call its own database', async () => {
    const [first, second] = await Promise.all([create('shared_iso'), create('shared_iso')]);
    const firstClient = await first.connect();
    await firstClient.query('CREATE TABLE only_here (id int)');
    const secondClient = await second.connect();
    const { rows } = await secondClient.query("SELECT to_regclass('only_here') AS found");

    expect(first.name).not.toBe(second.name);
    expect(rows[0]).toEqual({ found: null });
  });

  it('drops the database even while connections are open, idempotently', async () => {
    const database = await create('shared_drop');
    const pool = database.pool();
    const checkedOut = await pool.connect(); // never released: drop() must not wait for it
    await checkedOut.query('SELECT 1');
    const outsider = new Client({ connectionString: database.url });
    const outsiderErrors: Error[] = [];
    outsider.on('error', (error) => outsiderErrors.push(error));
    await outsider.connect();
    await outsider.query('SELECT 1');

    await database.drop();

    expect(await databaseExists(database.name)).toBe(false);
    await expect(outsider.query('SELECT 1')).rejects.toThrow();
    await database.drop();
    expect(await databaseExists(database.name)).toBe(false);
    await outsider.end().catch(() => undefined);
  });

  it('rejects an unsafe prefix before touching the server', async () => {
    await expect(createTestDatabase({ prefix: 'x"; DROP DATABASE postgres; --' })).rejects.toThrow(TypeError);
    await expect(createTestDatabase({ prefix: 'Upper' })).rejects.toThrow(TypeError);
    await expect(createTestDatabase({ prefix: '' })).rejects.toThrow(TypeError);
  });

  describe('with DATABASE_URL naming a database that does not exist', () => {
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it('creates the test database on that server through the maintenance database', async () => {
      const url = new URL(ADMIN_URL);
      url.pathname = '/refract_does_not_exist';
      vi.stubEnv('DATABASE_URL', url.toString());
      const database = await create('shared_env');

      expect(new URL(database.url).host).toBe(url.host);
      expect(await databaseExists(database.name)).toBe(true);
    });
  });
});

describe('sweepStaleTestDatabases', () => {
  const prefix = `sweep_${randomBytes(3).toString('hex')}`;
  const stale = testDatabaseName(prefix, Date.now() - 2 * 3_600_000);
  let fresh: TestDatabase | undefined;

  afterAll(async () => {
    await fresh?.drop();
    await admin((client) => client.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(stale)} WITH (FORCE)`));
  });

  it('drops databases of the prefix older than the threshold and keeps fresh ones', async () => {
    await admin((client) => client.query(`CREATE DATABASE ${escapeIdentifier(stale)} TEMPLATE template0`));
    fresh = await createTestDatabase({ prefix });

    const swept = await sweepStaleTestDatabases({ prefix });

    expect(swept).toEqual([stale]);
    expect(await databaseExists(stale)).toBe(false);
    expect(await databaseExists(fresh.name)).toBe(true);
  });
});

describe('useTestDatabase', () => {
  let name: string | undefined;

  afterAll(async () => {
    // Runs after the inner suite's afterAll, which must have dropped its database.
    expect(name).toMatch(/^refract_test_shared_hook_/);
    expect(await databaseExists(name ?? '')).toBe(false);
  });

  describe('inside a suite', () => {
    const database = useTestDatabase({ prefix: 'shared_hook' });

    it('has a database from beforeAll on', async () => {
      name = database.name;
      const client = await database.connect();
      const { rows } = await client.query<{ name: string }>('SELECT current_database() AS name');

      expect(rows[0]?.name).toBe(database.name);
      expect(await databaseExists(database.name)).toBe(true);
    });
  });

  describe('at collection time', () => {
    const database = useTestDatabase({ prefix: 'shared_early' });
    let early: unknown;
    try {
      early = database.url;
    } catch (error) {
      early = error;
    }

    it('refuses to be used before its beforeAll ran', () => {
      expect(early).toBeInstanceOf(Error);
      expect(String(early)).toMatch(/beforeAll/);
      expect(database.url).toContain(database.name);
    });
  });
});
