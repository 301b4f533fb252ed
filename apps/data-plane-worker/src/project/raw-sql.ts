// `executeRaw` (spec §15): the SQL runs as written, on its own (auto-commit), and is not
// schema-qualified for the caller. Rows come back as objects (column label → value), other
// statements as their update count. A failing statement is reported with the message PostgreSQL
// gave and code 0, as Prisma's JDBC driver did.
//
// It reaches the whole database, not only the project's schema, which is why the worker serves it
// only when RAW_ACCESS is set for the cluster: never on a cluster shared by several tenants.
import { RefractError } from '@refract/shared';
import type pg from 'pg';

export class RawSqlError extends RefractError<'RAW_SQL'> {
  readonly code = 'RAW_SQL' as const;
  /** The driver's error code, which PostgreSQL's JDBC driver left at 0. */
  readonly prismaCode = 0;
}

function resultValue(result: pg.QueryResult): unknown {
  return result.fields.length > 0 ? result.rows : (result.rowCount ?? 0);
}

export async function executeRawSql(pool: pg.Pool, query: string): Promise<unknown> {
  try {
    const result = (await pool.query(query)) as pg.QueryResult | pg.QueryResult[];
    // Several statements in one string: the last one's result, as JDBC's execute would report.
    return resultValue(Array.isArray(result) ? result[result.length - 1]! : result);
  } catch (error) {
    throw new RawSqlError((error as Error).message, { cause: error });
  }
}
