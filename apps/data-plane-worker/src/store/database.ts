// The worker's only door to PostgreSQL: statements arrive as `Sql` fragments and are compiled to
// parameterised queries here. (Issue 4 moves this into libs/data-plane/pg-executor.)
import { compile, type Sql } from '@refract/sql';
import pg from 'pg';

export type Queryable = pg.Pool | pg.PoolClient;

export function createPool(connectionString: string, max = 10): pg.Pool {
  return new pg.Pool({ connectionString, max, application_name: 'refract-data-plane-worker' });
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
