// Scalar list tables (spec §4.4): one table per list field, rows (nodeId, position, value).
import { sql, type Sql } from '@refract/sql';
import type { ScalarTypeIdentifier } from '@refract/schema-model';
import { columnType } from '../column-types.js';
import { scalarListTableName } from '../table-names.js';
import type { IdColumn } from './model.ddl.js';

/** A list field as stored: the model table it hangs off, its column name and element type. */
export interface ScalarListTable {
  readonly modelTable: string;
  readonly column: string;
  readonly type: ScalarTypeIdentifier;
}

/**
 * The foreign key has no ON DELETE action: the API deletes a node's list rows itself before the
 * node (spec §4.4), and a forgotten delete should fail rather than silently lose values.
 */
export function createScalarListTable(schemaName: string, list: ScalarListTable, id: Pick<IdColumn, 'column' | 'type'>): Sql {
  const table = sql.ident(schemaName, scalarListTableName(list.modelTable, list.column));
  return sql`CREATE TABLE ${table} ("nodeId" ${columnType(id.type)} NOT NULL REFERENCES ${sql.ident(schemaName, list.modelTable)} (${sql.ident(id.column)}), "position" int NOT NULL, "value" ${columnType(list.type)} NOT NULL, PRIMARY KEY ("nodeId", "position"))`;
}

export function dropScalarListTable(schemaName: string, list: Pick<ScalarListTable, 'modelTable' | 'column'>, options: { ifExists: boolean }): Sql {
  const table = sql.ident(schemaName, scalarListTableName(list.modelTable, list.column));
  return options.ifExists ? sql`DROP TABLE IF EXISTS ${table}` : sql`DROP TABLE ${table}`;
}

export function renameScalarListTable(
  schemaName: string,
  from: Pick<ScalarListTable, 'modelTable' | 'column'>,
  to: Pick<ScalarListTable, 'modelTable' | 'column'>,
): Sql[] {
  const before = scalarListTableName(from.modelTable, from.column);
  const after = scalarListTableName(to.modelTable, to.column);
  return before === after ? [] : [sql`ALTER TABLE ${sql.ident(schemaName, before)} RENAME TO ${sql.ident(after)}`];
}
