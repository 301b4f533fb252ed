// How scalar values cross the SQL boundary (spec §4.2 column types, §7.7 output formats):
// columns are rendered by PostgreSQL straight into the JSON the client receives, and every input
// value becomes a parameter cast to the column's type, so comparisons use the column's indexes.
import type { ScalarField, ScalarTypeIdentifier } from '@refract/schema-model';
import { sql, type Sql, type SqlValue } from '@refract/sql';

/** The JSON value of a column as the API returns it. */
export function jsonOutput(type: ScalarTypeIdentifier, column: Sql): Sql {
  switch (type) {
    // Decimal(65,30) would print 30 trailing zeros; a double prints the shortest exact form.
    case 'Float':
      return sql`${column}::float8`;
    // UTC with exactly three fraction digits and a literal Z.
    case 'DateTime':
      return sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    // Stored as text; returned as the JSON value itself, not a string.
    case 'Json':
      return sql`${column}::json`;
    default:
      return column;
  }
}

/** The SQL type a parameter compared with a column of this type is cast to. */
export function castOf(type: ScalarTypeIdentifier): Sql {
  switch (type) {
    case 'Int':
      return sql`int4`;
    case 'Float':
      return sql`numeric`;
    case 'Boolean':
      return sql`boolean`;
    case 'DateTime':
      return sql`timestamp(3)`;
    case 'UUID':
      return sql`uuid`;
    default:
      return sql`text`;
  }
}

/** A GraphQL input value in the form node-postgres sends for the column's type. */
export function parameterValue(type: ScalarTypeIdentifier, value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'DateTime': {
      // Timestamps are stored as UTC without a zone: send the UTC instant, zone dropped.
      const date = value instanceof Date ? value : new Date(String(value));
      return date.toISOString().slice(0, 23);
    }
    case 'Float':
      return String(value);
    case 'Json':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'Int':
    case 'Boolean':
      return value as number | boolean;
    default:
      return String(value);
  }
}

/** `$n::type` for one value compared with the field's column. */
export function parameter(field: ScalarField, value: unknown): Sql {
  return sql`${parameterValue(field.type, value)}::${castOf(field.type)}`;
}

/** `$n::type[]` for a list compared with the field's column (`= ANY(…)`). */
export function arrayParameter(field: ScalarField, values: readonly unknown[]): Sql {
  return sql`${values.map((v) => parameterValue(field.type, v))}::${castOf(field.type)}[]`;
}
