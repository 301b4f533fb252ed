// Runs compiled statements as named prepared statements (PostgreSQL plans each shape once per
// connection): reads that return one row with the response JSON as text, and the statements of
// writes, on the pool or on a transaction's client.
import { compile, type Sql } from '@refract/sql';
import type pg from 'pg';
import type { Queryable } from './pool.js';
import { classifyDatabaseError } from './database.errors.js';
import { StatementNames } from './statement.cache.js';

export class SqlExecutor {
  private readonly names: StatementNames;

  constructor(
    private readonly pool: pg.Pool,
    options: { preparedStatements?: number } = {},
  ) {
    this.names = new StatementNames(options.preparedStatements ?? 500);
  }

  /** The `result` column of the statement's single row (JSON text), or null. */
  async readJson(statement: Sql): Promise<string | null> {
    const { text, values } = compile(statement);
    const name = this.names.nameOf(text);
    try {
      const result = await this.pool.query<{ result: string | null }>({ name, text, values: values as unknown[] });
      return result.rows[0]?.result ?? null;
    } catch (error) {
      throw classifyDatabaseError(error);
    }
  }

  /**
   * The rows of a statement, on the pool or on `on` (a transaction's client). Errors stay the
   * driver's (SQLSTATE in `code`), because the caller maps constraint names to fields.
   */
  async rows(statement: Sql, on: Queryable = this.pool): Promise<Record<string, unknown>[]> {
    const { text, values } = compile(statement);
    const result = await on.query({ name: this.names.nameOf(text), text, values: values as unknown[] });
    return result.rows as Record<string, unknown>[];
  }
}
