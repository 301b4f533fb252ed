// `@refract/shared/testing`: fixtures for integration tests against the real PostgreSQL and Redis.
// The fixtures import no test runner; only `vitest.hooks.ts` does, and its functions may only be
// called inside a Vitest suite.
export { TEST_DATABASE_PREFIX, createTestDatabase, sweepStaleTestDatabases } from './test-database.fixture.js';
export type { TestDatabase, TestDatabaseOptions } from './test-database.fixture.js';
export { createRedisPrefix } from './test-redis.fixture.js';
export type { TestRedis } from './test-redis.fixture.js';
export { useTestDatabase, useTestRedis } from './vitest.hooks.js';
