// The only file of the testing helpers that imports Vitest: the fixtures themselves work from
// any runner or script, these wire them into a Vitest suite's lifecycle.
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from './test-database.fixture.js';
import { createRedisPrefix, type TestRedis } from './test-redis.fixture.js';

/**
 * Creates a test database in `beforeAll` and drops it in `afterAll` of the enclosing suite.
 * The returned handle is usable inside tests and later hooks (not at collection time).
 */
export function useTestDatabase(options: TestDatabaseOptions): TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(options);
  });
  afterAll(async () => {
    await database?.drop();
  });
  const current = (): TestDatabase => {
    if (database === undefined) {
      throw new Error('useTestDatabase: the database exists from beforeAll on; use it inside tests or hooks');
    }
    return database;
  };
  return {
    get name() {
      return current().name;
    },
    get url() {
      return current().url;
    },
    pool: (config) => current().pool(config),
    connect: () => current().connect(),
    drop: () => current().drop(),
  };
}

/** Reserves a Redis key prefix for the enclosing suite and cleans it up in `afterAll`. */
export function useTestRedis(prefix: string, options: { url?: string } = {}): TestRedis {
  const redis = createRedisPrefix(prefix, options);
  afterAll(async () => {
    await redis.cleanup();
  });
  return redis;
}
