// Runs compiled reads: one statement that returns one row with the response JSON as text.
import { compile, type Sql } from '@refract/sql';
import type pg from 'pg';
import { classifyDatabaseError } from './database.errors.js';
import { StatementNames } from './statement.cache.js';

export class ReadExecutor {
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
}
