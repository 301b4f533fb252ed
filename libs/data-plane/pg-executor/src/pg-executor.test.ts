import { useTestDatabase } from '@refract/shared/testing';
import { sql } from '@refract/sql';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseError } from './database.errors.js';
import { createPool, query, transaction } from './pool.js';
import { SqlExecutor } from './sql.executor.js';
import { StatementNames } from './statement.cache.js';

describe('pg-executor', () => {
  const database = useTestDatabase({ prefix: 'pg_executor' });
  const pools: { end(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const pool of pools) await pool.end();
  });

  it('reads the result column of a statement, with its values as parameters', async () => {
    const pool = createPool({ connectionString: database.url, max: 2 });
    pools.push(pool);
    const reads = new SqlExecutor(pool);
    const statement = (name: string) => sql`SELECT json_build_object('hello', ${name}::text)::text AS result`;
    expect(await reads.readJson(statement("it's"))).toBe('{"hello" : "it\'s"}');
    // The second run of the same text uses the prepared statement with new values.
    expect(await reads.readJson(statement('again'))).toBe('{"hello" : "again"}');
    expect(await reads.readJson(sql`SELECT NULL::text AS result`)).toBeNull();
  });

  it('bounds every statement by the pool timeout and reports it as a timeout', async () => {
    const pool = createPool({ connectionString: database.url, max: 1, statementTimeoutMs: 50 });
    pools.push(pool);
    const error = await new SqlExecutor(pool).readJson(sql`SELECT pg_sleep(2)::text AS result`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).kind).toBe('timeout');
  });

  it('classifies unique violations with the constraint name; transactions roll back whole', async () => {
    const pool = createPool({ connectionString: database.url, max: 2 });
    pools.push(pool);
    await query(pool, sql`CREATE TABLE t (v int)`);
    await query(pool, sql`CREATE UNIQUE INDEX "t.v._UNIQUE" ON t (v)`);
    const error = await transaction(pool, async (client) => {
      await query(client, sql`INSERT INTO t VALUES (${1})`);
      await query(client, sql`INSERT INTO t VALUES (${1})`);
    }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('23505');
    expect(await query(pool, sql`SELECT count(*)::int AS n FROM t`)).toEqual([{ n: 0 }]);
    const classified = await new SqlExecutor(pool).readJson(sql`INSERT INTO t VALUES (1), (1) RETURNING v::text AS result`).catch((e: unknown) => e);
    expect(classified).toMatchObject({ kind: 'uniqueViolation', constraint: 't.v._UNIQUE' });
  });

  it('survives an idle connection being terminated: reported, replaced, no crash', async () => {
    const errors: Error[] = [];
    const pool = createPool({ connectionString: database.url, max: 1, applicationName: 'doomed', onIdleError: (error) => errors.push(error) });
    pools.push(pool);
    await query(pool, sql`SELECT 1`);
    const admin = createPool({ connectionString: database.url, max: 1 });
    pools.push(admin);
    await query(admin, sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'doomed'`);
    await expect.poll(() => errors.length).toBe(1);
    expect((errors[0] as { code?: string }).code).toBe('57P01');
    expect(await query(pool, sql`SELECT 2 AS n`)).toEqual([{ n: 2 }]);
  });

  it('names at most `capacity` statements, then runs the rest unnamed', () => {
    const names = new StatementNames(2);
    const a = names.nameOf('SELECT 1');
    expect(a).toMatch(/^r_/);
    expect(names.nameOf('SELECT 1')).toBe(a);
    expect(names.nameOf('SELECT 2')).not.toBe(a);
    expect(names.nameOf('SELECT 3')).toBeUndefined();
    expect(names.size).toBe(2);
  });
});
