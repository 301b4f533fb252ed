import { randomBytes } from 'node:crypto';
import { Client, Pool, escapeIdentifier, type PoolClient, type PoolConfig } from 'pg';
import { testServices } from './test-services.config.js';

/** Every database made by {@link createTestDatabase} starts with this; nothing else may. */
export const TEST_DATABASE_PREFIX = 'refract_test_';

const SAFE_PREFIX = /^[a-z0-9_]{1,24}$/;
const SAFE_NAME = /^[a-z0-9_]{1,63}$/;
// refract_test_<prefix>_<creation time, base 36 ms>_<8 hex>; the greedy prefix group backtracks.
const TEST_DATABASE_NAME = /^refract_test_([a-z0-9_]+)_([0-9a-z]+)_([0-9a-f]{8})$/;

export interface TestDatabaseOptions {
  /** Names the suite in the database name: `[a-z0-9_]`, 1 to 24 characters. */
  prefix: string;
  /**
   * A URL of the server with the right to create databases. Default: `DATABASE_URL` (else
   * `postgres://postgres@127.0.0.1:5432`) pointed at the `postgres` maintenance database, so that
   * the database it names need not exist.
   */
  adminUrl?: string;
}

export interface TestDatabase {
  /** `refract_test_<prefix>_<time>_<random>`; only `[a-z0-9_]`. */
  readonly name: string;
  /** Connection URL of the new database (the admin URL with its database name replaced). */
  readonly url: string;
  /** A pool on the database; `drop()` ends it. */
  pool(config?: Omit<PoolConfig, 'connectionString'>): Pool;
  /** A connected client on the database; `drop()` ends it. */
  connect(): Promise<Client>;
  /**
   * Ends the pools and clients handed out, terminates every other connection to the database and
   * drops it. Idempotent.
   */
  drop(): Promise<void>;
}

/** Creates a fresh, empty PostgreSQL database with a unique name for one test suite. */
export async function createTestDatabase(options: TestDatabaseOptions): Promise<TestDatabase> {
  if (!SAFE_PREFIX.test(options.prefix)) {
    throw new TypeError(`createTestDatabase: prefix must match ${SAFE_PREFIX.source}`);
  }
  const adminUrl = options.adminUrl ?? maintenanceUrl(testServices().databaseUrl);
  const name = testDatabaseName(options.prefix);
  // template0, not the default template1: CREATE DATABASE fails while anyone is connected to its
  // template, and parallel suites or a developer's psql session may be connected to template1.
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${quoteDatabaseName(name)} TEMPLATE template0`));
  return openTestDatabase(adminUrl, name);
}

/**
 * Drops test databases created more than `olderThanMs` ago (default one hour) that suites left
 * behind when a run was killed. Optionally only those of one suite prefix. Returns their names.
 */
export async function sweepStaleTestDatabases(
  options: { olderThanMs?: number; prefix?: string; adminUrl?: string } = {},
): Promise<string[]> {
  const olderThanMs = options.olderThanMs ?? 3_600_000;
  const adminUrl = options.adminUrl ?? maintenanceUrl(testServices().databaseUrl);
  const { rows } = await withAdmin(adminUrl, (admin) =>
    admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [
      TEST_DATABASE_PREFIX,
    ]),
  );
  const stale = rows
    .map((row) => row.datname)
    .filter((name) => {
      const match = TEST_DATABASE_NAME.exec(name);
      if (match === null) return false;
      const [, prefix = '', created = ''] = match;
      if (options.prefix !== undefined && prefix !== options.prefix) return false;
      return Date.now() - Number.parseInt(created, 36) > olderThanMs;
    });
  for (const name of stale) await dropDatabase(adminUrl, name);
  return stale;
}

/** @internal Exported for the sweep test, which needs a database that looks old. */
export function testDatabaseName(prefix: string, createdAt = Date.now()): string {
  return `${TEST_DATABASE_PREFIX}${prefix}_${createdAt.toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** @internal Wraps an already created database; {@link createTestDatabase} is the public way in. */
export function openTestDatabase(adminUrl: string, name: string): TestDatabase {
  const url = withDatabase(adminUrl, name);
  const pools: { pool: Pool; checkedOut: Set<PoolClient> }[] = [];
  const clients: Client[] = [];
  return {
    name,
    url,
    pool(config = {}) {
      const pool = new Pool({ ...config, connectionString: url });
      // drop() terminates the connections, idle or checked out; without a listener on each client
      // the resulting 'error' events would crash the test run.
      pool.on('error', () => undefined);
      pool.on('connect', (client) => client.on('error', () => undefined));
      const checkedOut = new Set<PoolClient>();
      pool.on('acquire', (client) => checkedOut.add(client));
      pool.on('release', (_error, client) => checkedOut.delete(client));
      pools.push({ pool, checkedOut });
      return pool;
    },
    async connect() {
      const client = new Client({ connectionString: url });
      client.on('error', () => undefined);
      await client.connect();
      clients.push(client);
      return client;
    },
    async drop() {
      // pool.end() waits for every checked-out client to come back, which a test that forgot to
      // release one would never do: destroy those first. The timeout is a last guard against a
      // close that hangs; the database is dropped whatever happens to the client side.
      const closing = pools.splice(0).flatMap(({ pool, checkedOut }) => {
        for (const client of checkedOut) client.release(true);
        return [pool.end()];
      });
      closing.push(...clients.splice(0).map((client) => client.end()));
      await settleWithin(closing, 5_000);
      await dropDatabase(adminUrl, name);
    },
  };
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const database = quoteDatabaseName(name);
  await withAdmin(adminUrl, async (admin) => {
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [name],
    );
    // WITH (FORCE) (PostgreSQL 13+) also catches a connection opened between the two statements.
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });
}

async function withAdmin<T>(adminUrl: string, work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: adminUrl, application_name: 'refract-test-admin' });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** Identifiers cannot be bound as parameters: validate against a closed alphabet, then quote. */
function quoteDatabaseName(name: string): string {
  if (!SAFE_NAME.test(name)) throw new TypeError('refusing an unsafe database name');
  return escapeIdentifier(name);
}

function maintenanceUrl(databaseUrl: string): string {
  return withDatabase(databaseUrl, 'postgres');
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function settleWithin(promises: readonly Promise<unknown>[], ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  await Promise.race([Promise.allSettled(promises), timeout]);
  clearTimeout(timer);
}
