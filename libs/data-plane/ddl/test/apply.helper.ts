// Runs statements the way the deploy path will: all of them in one transaction.
import { compile, type Sql } from '@refract/sql';
import type { ClientBase } from 'pg';

export async function applyInTransaction(client: ClientBase, statements: readonly Sql[]): Promise<void> {
  await client.query('BEGIN');
  try {
    for (const statement of statements) {
      const { text, values } = compile(statement);
      await client.query(text, [...values]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
