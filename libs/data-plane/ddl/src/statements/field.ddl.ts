// Columns of scalar fields and their unique indexes (spec §4.2, §4.3).
import { sql, type Sql } from '@refract/sql';
import { columnName, type ScalarField, type ScalarTypeIdentifier } from '@refract/schema-model';
import { columnType } from '../column-types.js';
import { uniqueIndexName } from '../index-names.js';
import type { MigrationValue } from '../migration-values.js';

/** What the layout needs to know about a non-list, non-id scalar field. */
export interface ScalarColumn {
  readonly column: string;
  readonly type: ScalarTypeIdentifier;
  readonly isRequired: boolean;
  readonly isUnique: boolean;
}

export function scalarColumnOf(field: ScalarField): ScalarColumn {
  return { column: columnName(field), type: field.type, isRequired: field.isRequired, isUnique: field.isUnique };
}

const table = (schemaName: string, name: string) => sql.ident(schemaName, name);

/**
 * Adds a column. `fill` is null when the table cannot have rows (it was created by this
 * migration) or the column is optional: then the column is added as declared. Otherwise existing
 * rows get `fill` before the column becomes NOT NULL (spec §4.3). The unique index comes last, so
 * it is built over the filled values.
 */
export function addScalarColumn(schemaName: string, tableName: string, column: ScalarColumn, fill: MigrationValue | null): Sql[] {
  const target = table(schemaName, tableName);
  const name = sql.ident(column.column);
  const statements =
    column.isRequired && fill !== null
      ? [sql`ALTER TABLE ${target} ADD COLUMN ${name} ${columnType(column.type)} NULL`, ...requireColumn(schemaName, tableName, column.column, fill)]
      : [sql`ALTER TABLE ${target} ADD COLUMN ${name} ${columnType(column.type)} ${column.isRequired ? sql`NOT NULL` : sql`NULL`}`];
  if (column.isUnique) statements.push(createUniqueIndex(schemaName, tableName, column.column));
  return statements;
}

/** Fills the NULLs of a column with the migration value, then forbids NULL. */
export function requireColumn(schemaName: string, tableName: string, column: string, fill: MigrationValue): Sql[] {
  const target = table(schemaName, tableName);
  const name = sql.ident(column);
  return [
    sql`UPDATE ${target} SET ${name} = ${fill} WHERE ${name} IS NULL`,
    sql`ALTER TABLE ${target} ALTER COLUMN ${name} SET NOT NULL`,
  ];
}

export function allowNull(schemaName: string, tableName: string, column: string): Sql {
  return sql`ALTER TABLE ${table(schemaName, tableName)} ALTER COLUMN ${sql.ident(column)} DROP NOT NULL`;
}

export function dropColumn(schemaName: string, tableName: string, column: string): Sql {
  return sql`ALTER TABLE ${table(schemaName, tableName)} DROP COLUMN ${sql.ident(column)}`;
}

export function renameColumn(schemaName: string, tableName: string, from: string, to: string): Sql {
  return sql`ALTER TABLE ${table(schemaName, tableName)} RENAME COLUMN ${sql.ident(from)} TO ${sql.ident(to)}`;
}

export function createUniqueIndex(schemaName: string, tableName: string, column: string): Sql {
  const index = sql.ident(uniqueIndexName(schemaName, tableName, column));
  return sql`CREATE UNIQUE INDEX ${index} ON ${table(schemaName, tableName)} (${sql.ident(column)} ASC)`;
}

export function dropUniqueIndex(schemaName: string, tableName: string, column: string): Sql {
  return dropIndex(schemaName, uniqueIndexName(schemaName, tableName, column));
}

/**
 * Keeps a unique index named after its table and column when either is renamed: the API maps a
 * unique violation to a field by that name (spec §8.9), and a stale name would also block a
 * later index for a new model or field that takes the old name.
 */
export function renameUniqueIndex(schemaName: string, from: { table: string; column: string }, to: { table: string; column: string }): Sql[] {
  const before = uniqueIndexName(schemaName, from.table, from.column);
  const after = uniqueIndexName(schemaName, to.table, to.column);
  return before === after ? [] : [renameIndex(schemaName, before, after)];
}

export function dropIndex(schemaName: string, index: string): Sql {
  return sql`DROP INDEX ${sql.ident(schemaName, index)}`;
}

export function renameIndex(schemaName: string, from: string, to: string): Sql {
  return sql`ALTER INDEX ${sql.ident(schemaName, from)} RENAME TO ${sql.ident(to)}`;
}

/**
 * Changes the type of an id column. Only used when the model has no rows (spec §5.4 refuses the
 * change otherwise): `USING NULL` then makes a table that does have rows fail on NOT NULL instead
 * of converting ids into values nothing refers to.
 */
export function changeIdColumnType(schemaName: string, tableName: string, column: string, type: ScalarTypeIdentifier): Sql {
  return sql`ALTER TABLE ${table(schemaName, tableName)} ALTER COLUMN ${sql.ident(column)} TYPE ${columnType(type)} USING NULL`;
}

export function setColumnDefault(schemaName: string, tableName: string, column: string, value: Sql): Sql {
  return sql`ALTER TABLE ${table(schemaName, tableName)} ALTER COLUMN ${sql.ident(column)} SET DEFAULT ${value}`;
}

export function dropColumnDefault(schemaName: string, tableName: string, column: string): Sql {
  return sql`ALTER TABLE ${table(schemaName, tableName)} ALTER COLUMN ${sql.ident(column)} DROP DEFAULT`;
}
