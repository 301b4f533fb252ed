// Transactions for the API's writes. Each mutation root field is one transaction on one
// connection (spec §8.1); a transaction PostgreSQL aborts for a deadlock or a serialization
// failure is run again from the start, because nothing of it was committed and the write plan is
// pure data: the client sees one clean result instead of an error that says "try again".
import type { Sql } from '@refract/sql';
import type pg from 'pg';
import type { SqlExecutor } from './sql.executor.js';

export interface StatementSession {
  rows(statement: Sql): Promise<Record<string, unknown>[]>;
}

export interface WriteRunnerOptions {
  /** Attempts for a transaction that keeps hitting deadlocks/serialization failures. */
  readonly attempts?: number;
  /** Told about each statement before it runs (tests record them). */
  readonly onStatement?: (statement: Sql) => void;
}

const RETRIABLE = new Set(['40P01', '40001']);

export function isRetriable(error: unknown): boolean {
  return RETRIABLE.has((error as { code?: string } | null)?.code ?? '');
}

export class WriteRunner {
  readonly autocommit: StatementSession;
  private readonly attempts: number;

  constructor(
    private readonly pool: pg.Pool,
    private readonly executor: SqlExecutor,
    private readonly options: WriteRunnerOptions = {},
  ) {
    this.attempts = options.attempts ?? 8;
    // A single statement aborted by a deadlock did nothing either: it is run again the same way.
    this.autocommit = { rows: (statement) => this.retrying(() => this.run(statement, pool)) };
  }

  private async retrying<T>(attempt: () => Promise<T>): Promise<T> {
    for (let round = 1; ; round++) {
      try {
        return await attempt();
      } catch (error) {
        if (round >= this.attempts || !isRetriable(error)) throw error;
        // A random pause that grows with each round lets the transaction that won the lock finish.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** round));
      }
    }
  }

  private run(statement: Sql, on: pg.Pool | pg.PoolClient): Promise<Record<string, unknown>[]> {
    this.options.onStatement?.(statement);
    return this.executor.rows(statement, on);
  }

  transaction<T>(work: (session: StatementSession) => Promise<T>): Promise<T> {
    return this.retrying(() => this.once(work));
  }

  private async once<T>(work: (session: StatementSession) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work({ rows: (statement) => this.run(statement, client) });
      // COMMIT of a transaction a swallowed error aborted answers ROLLBACK instead of failing.
      const commit = await client.query('COMMIT');
      if (commit.command !== 'COMMIT') throw new Error('The transaction was aborted by an earlier error and has been rolled back.');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      // A connection that could not even roll back is not given back to the pool.
      client.release(broken);
    }
  }
}
