// Relations (spec §4.5, §4.6): a link table, or a foreign-key column inline in one model's table.
import { sql, type Sql } from '@refract/sql';
import type { ScalarTypeIdentifier } from '@refract/schema-model';
import { columnType } from '../column-types.js';
import { linkTableBIndexName, linkTableUniqueIndexName } from '../index-names.js';
import { dropColumn, renameColumn, renameIndex } from './field.ddl.js';
import { dropTable, renameTable } from './model.ddl.js';

/** Where a foreign key points: a model table and its id column. */
export interface ModelKey {
  readonly table: string;
  readonly column: string;
  readonly type: ScalarTypeIdentifier;
}

/** A link table as the schema model's `table` manifestation describes it. */
export interface LinkTable {
  readonly table: string;
  readonly modelAColumn: string;
  readonly modelBColumn: string;
  /** Legacy (1.0) and `@relationTable` types with an id field: a cuid primary key per row. */
  readonly idColumn: string | null;
}

/**
 * Both foreign keys cascade: a link row means nothing without either node. The unique index on
 * (A, B) makes connecting an existing pair a no-op for the API (ON CONFLICT DO NOTHING) and serves
 * lookups from side A; the B index serves lookups from side B.
 */
export function createLinkTable(schemaName: string, link: LinkTable, modelA: ModelKey, modelB: ModelKey): Sql[] {
  const table = sql.ident(schemaName, link.table);
  const a = sql.ident(link.modelAColumn);
  const b = sql.ident(link.modelBColumn);
  const idColumn = link.idColumn === null ? sql.empty : sql`${sql.ident(link.idColumn)} char(25) NOT NULL PRIMARY KEY, `;
  const references = (key: ModelKey) => sql`REFERENCES ${sql.ident(schemaName, key.table)} (${sql.ident(key.column)}) ON DELETE CASCADE`;
  return [
    sql`CREATE TABLE ${table} (${idColumn}${a} ${columnType(modelA.type)} NOT NULL, ${b} ${columnType(modelB.type)} NOT NULL, FOREIGN KEY (${a}) ${references(modelA)}, FOREIGN KEY (${b}) ${references(modelB)})`,
    sql`CREATE UNIQUE INDEX ${sql.ident(linkTableUniqueIndexName(link.table))} ON ${table} (${a} ASC, ${b} ASC)`,
    sql`CREATE INDEX ${sql.ident(linkTableBIndexName(link.table))} ON ${table} (${b} ASC)`,
  ];
}

export function dropLinkTable(schemaName: string, link: Pick<LinkTable, 'table'>): Sql {
  return dropTable(schemaName, link.table);
}

/**
 * Always nullable, whatever the field says (spec §4.6): the API enforces required relations, and a
 * node must be creatable before the node it points to is connected. Deleting the target clears
 * the column; cascading deletes are the API's job.
 *
 * Beyond Prisma 1, the column gets an index: reading a relation from the side that does not hold
 * the column (a user's posts) and deleting the target both look rows up by it, which is a full
 * scan per parent row without one. PostgreSQL names the index (`<table>_<column>_idx`, numbered
 * if taken), so no later rename can make two indexes collide; it goes when the column goes.
 */
export function addInlineRelationColumn(schemaName: string, table: string, column: string, target: ModelKey): Sql[] {
  return [
    sql`ALTER TABLE ${sql.ident(schemaName, table)} ADD COLUMN ${sql.ident(column)} ${columnType(target.type)} NULL REFERENCES ${sql.ident(schemaName, target.table)} (${sql.ident(target.column)}) ON DELETE SET NULL`,
    sql`CREATE INDEX ON ${sql.ident(schemaName, table)} (${sql.ident(column)})`,
  ];
}

export function dropInlineRelationColumn(schemaName: string, table: string, column: string): Sql {
  return dropColumn(schemaName, table, column);
}

/**
 * A link table that stays a link table: id column added or dropped, A/B columns and the table
 * renamed. Unlike Prisma 1 the two indexes are renamed with the table, so that a relation created
 * later under the old name can create its own indexes.
 */
export function updateLinkTable(schemaName: string, previous: LinkTable, next: LinkTable): Sql[] {
  const table = previous.table;
  const statements: Sql[] = [];
  if (previous.idColumn !== null && next.idColumn === null) {
    statements.push(dropColumn(schemaName, table, previous.idColumn));
  } else if (previous.idColumn === null && next.idColumn !== null) {
    // What Prisma 1 adds (the planner refuses this change when the table has rows, spec §5.4):
    // nullable and without a primary key, so existing rows stay valid.
    statements.push(sql`ALTER TABLE ${sql.ident(schemaName, table)} ADD COLUMN ${sql.ident(next.idColumn)} varchar(40) NULL`);
  } else if (previous.idColumn !== null && next.idColumn !== null && previous.idColumn !== next.idColumn) {
    statements.push(renameColumn(schemaName, table, previous.idColumn, next.idColumn));
  }
  if (previous.modelAColumn !== next.modelAColumn) statements.push(renameColumn(schemaName, table, previous.modelAColumn, next.modelAColumn));
  if (previous.modelBColumn !== next.modelBColumn) statements.push(renameColumn(schemaName, table, previous.modelBColumn, next.modelBColumn));
  if (previous.table !== next.table) {
    statements.push(renameTable(schemaName, previous.table, next.table));
    for (const indexName of [linkTableUniqueIndexName, linkTableBIndexName]) {
      const before = indexName(previous.table);
      const after = indexName(next.table);
      if (before !== after) statements.push(renameIndex(schemaName, before, after));
    }
  }
  return statements;
}
