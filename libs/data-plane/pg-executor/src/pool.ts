// The data plane's only door to PostgreSQL: statements arrive as `Sql` fragments and are compiled
// to parameterised queries here; nothing else in the data plane holds a connection string.
import { compile, type Sql } from '@refract/sql';
import pg from 'pg';

export type Queryable = pg.Pool | pg.PoolClient;

export interface PoolOptions {
  readonly connectionString: string;
  readonly max?: number;
  /** Cancels any statement running longer (PostgreSQL `statement_timeout`); 0 = none. */
  readonly statementTimeoutMs?: number;
  readonly applicationName?: string;
  /**
   * Told when an idle connection dies (server restart, terminated backend). The pool has already
   * dropped it and opens a new one on demand; without a listener node-postgres would re-emit the
   * error on the pool and crash the process.
   */
  readonly onIdleError?: (error: Error) => void;
}

export function createPool(options: PoolOptions): pg.Pool {
  const timeout = options.statementTimeoutMs ?? 0;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'refract-data-plane-worker',
    // Set per session at connect time, so every statement of the pool is bounded, reads and writes.
    ...(timeout > 0 ? { statement_timeout: timeout } : {}),
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  return pool;
}

export async function query<Row extends object = Record<string, unknown>>(db: Queryable, statement: Sql): Promise<Row[]> {
  const { text, values } = compile(statement);
  const result = await db.query(text, values as unknown[]);
  return result.rows as Row[];
}

/** Runs `work` in one transaction on one connection; rolls back on any error. */
export async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
