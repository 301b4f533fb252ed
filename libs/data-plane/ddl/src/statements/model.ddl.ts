// Model tables (spec §4.3): created with the id column only; every other column is added by its
// own CreateField statement.
import { sql, type Sql } from '@refract/sql';
import { columnName, type ScalarField, type ScalarTypeIdentifier } from '@refract/schema-model';
import { columnType } from '../column-types.js';
import { idSequence, type IdSequence } from '../table-names.js';
import { createSequence, nextvalDefault } from './sequence.ddl.js';

/** A model's id column: what its table's primary key is and what foreign keys to it must match. */
export interface IdColumn {
  readonly column: string;
  readonly type: ScalarTypeIdentifier;
  readonly sequence: IdSequence | null;
}

export function idColumnOf(modelName: string, id: ScalarField): IdColumn {
  return { column: columnName(id), type: id.type, sequence: idSequence(modelName, id) };
}

/**
 * `CREATE TABLE IF NOT EXISTS`: our migrations run in one transaction against a schema whose state
 * the previous schema model describes, so nothing else needs to tolerate existing objects; but a
 * project adopted from an existing Prisma 1 database may already have its tables, and creating a
 * model must not fail for that. The columns that follow are still added strictly, so a table
 * that does not match the datamodel fails the migration instead of being silently accepted.
 */
export function createModelTable(schemaName: string, table: string, id: IdColumn): Sql[] {
  const idColumn = sql.ident(id.column);
  const idDefault = id.sequence ? sql` DEFAULT ${nextvalDefault(schemaName, id.sequence.name)}` : sql.empty;
  return [
    ...(id.sequence ? [createSequence(schemaName, id.sequence)] : []),
    sql`CREATE TABLE IF NOT EXISTS ${sql.ident(schemaName, table)} (${idColumn} ${columnType(id.type)} NOT NULL${idDefault}, PRIMARY KEY (${idColumn}))`,
  ];
}

/** IF EXISTS: spec §5.2 drops a model's tables "if present". */
export function dropTableIfExists(schemaName: string, table: string): Sql {
  return sql`DROP TABLE IF EXISTS ${sql.ident(schemaName, table)}`;
}

export function dropTable(schemaName: string, table: string): Sql {
  return sql`DROP TABLE ${sql.ident(schemaName, table)}`;
}

export function renameTable(schemaName: string, from: string, to: string): Sql {
  return sql`ALTER TABLE ${sql.ident(schemaName, from)} RENAME TO ${sql.ident(to)}`;
}
