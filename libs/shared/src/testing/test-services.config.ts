import { defineConfig } from '../config/config.loader.js';
import { field } from '../config/env.fields.js';

/** Where the test helpers find PostgreSQL and Redis: `DATABASE_URL` / `REDIS_URL`, else this machine's. */
const testServicesConfig = defineConfig({
  DATABASE_URL: field.postgresUrl().default('postgres://postgres@127.0.0.1:5432/postgres'),
  REDIS_URL: field.redisUrl().default('redis://127.0.0.1:6379'),
});

/** Read at call time, not import time, so a suite may set the variables before creating fixtures. */
export function testServices(): { databaseUrl: string; redisUrl: string } {
  const config = testServicesConfig.load();
  return { databaseUrl: config.DATABASE_URL, redisUrl: config.REDIS_URL };
}
