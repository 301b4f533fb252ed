// How a write changes which nodes a relation connects (spec §4.5, §4.6): a row in a link table,
// or an id in an inline column that sits in the parent's or in the child's table. Seen from one
// relation field ("parent" = the model the field is on), every statement takes ids as arrays, so
// a cascade or a `set` over many nodes is one statement, not one per node.
import { columnName, createCuid, getModel, getRelation, idField, inlineHolderSide, tableName, type Model, type RelationField, type SchemaModel } from '@refract/schema-model';
import { sql, type Sql } from '@refract/sql';
import { arrayParameter, parameter } from './scalar.value.js';

export type LinkStore =
  | { readonly kind: 'table'; readonly table: string; readonly parentColumn: string; readonly childColumn: string; readonly idColumn: string | null }
  /** The parent's row holds the child's id. */
  | { readonly kind: 'parentColumn'; readonly column: string }
  /** The child's row holds the parent's id. */
  | { readonly kind: 'childColumn'; readonly column: string };

export interface RelationLink {
  readonly field: RelationField;
  readonly parent: Model;
  readonly child: Model;
  readonly store: LinkStore;
}

export function linkOf(schema: SchemaModel, parent: Model, field: RelationField): RelationLink {
  const relation = getRelation(schema, field.relationName);
  const child = getModel(schema, field.relatedModel);
  const m = relation.manifestation;
  if (m.kind === 'table') {
    const [parentColumn, childColumn] = field.relationSide === 'A' ? [m.modelAColumn, m.modelBColumn] : [m.modelBColumn, m.modelAColumn];
    return { field, parent, child, store: { kind: 'table', table: m.table, parentColumn, childColumn, idColumn: m.idColumn } };
  }
  const holder = inlineHolderSide(schema, relation);
  const kind = holder === field.relationSide ? 'parentColumn' : 'childColumn';
  return { field, parent, child, store: { kind, column: m.referencingColumn } };
}

/** Ids of one model as one array parameter. */
export function ids(model: Model, values: readonly unknown[]): Sql {
  return arrayParameter(idField(model), values);
}

export function idParameter(model: Model, value: unknown): Sql {
  return parameter(idField(model), value);
}

function ident(schemaName: string, model: Model): Sql {
  return sql.ident(schemaName, tableName(model));
}

function id(model: Model): Sql {
  return sql.ident(columnName(idField(model)));
}

/** `SELECT child id AS id, parent id AS parent` of every link whose parent is in `parents`. */
export function childrenOf(schemaName: string, link: RelationLink, parents: Sql): Sql {
  const { store, parent, child } = link;
  switch (store.kind) {
    case 'table':
      return sql`SELECT ${sql.ident(store.childColumn)} AS id, ${sql.ident(store.parentColumn)} AS parent FROM ${sql.ident(schemaName, store.table)} WHERE ${sql.ident(store.parentColumn)} = ANY(${parents})`;
    case 'parentColumn':
      return sql`SELECT ${sql.ident(store.column)} AS id, ${id(parent)} AS parent FROM ${ident(schemaName, parent)} WHERE ${id(parent)} = ANY(${parents}) AND ${sql.ident(store.column)} IS NOT NULL`;
    case 'childColumn':
      return sql`SELECT ${id(child)} AS id, ${sql.ident(store.column)} AS parent FROM ${ident(schemaName, child)} WHERE ${sql.ident(store.column)} = ANY(${parents})`;
  }
}

/** Connects the parent to each child. A link-table pair that exists already stays (spec §4.5). */
export function connect(schemaName: string, link: RelationLink, parentId: unknown, childIds: readonly unknown[]): Sql {
  const { store, parent, child } = link;
  switch (store.kind) {
    case 'table': {
      const columns = [store.parentColumn, store.childColumn, ...(store.idColumn ? [store.idColumn] : [])].map((c) => sql.ident(c));
      // 1.0 link tables have an id column the API fills with a fresh cuid per row (spec Appendix A).
      const linkIds = store.idColumn ? sql`, unnest(${childIds.map(() => createCuid())}::text[])` : sql``;
      return sql`INSERT INTO ${sql.ident(schemaName, store.table)} (${sql.join(columns)}) SELECT ${idParameter(parent, parentId)}, unnest(${ids(child, childIds)})${linkIds} ON CONFLICT DO NOTHING`;
    }
    case 'parentColumn':
      // A to-one field holds one child: the last one given wins, as consecutive links would.
      return sql`UPDATE ${ident(schemaName, parent)} SET ${sql.ident(store.column)} = ${idParameter(child, childIds[childIds.length - 1])} WHERE ${id(parent)} = ${idParameter(parent, parentId)}`;
    case 'childColumn':
      return sql`UPDATE ${ident(schemaName, child)} SET ${sql.ident(store.column)} = ${idParameter(parent, parentId)} WHERE ${id(child)} = ANY(${ids(child, childIds)})`;
  }
}

/** Removes every link of the given parents. */
export function disconnectParents(schemaName: string, link: RelationLink, parents: Sql): Sql {
  const { store, parent, child } = link;
  switch (store.kind) {
    case 'table':
      return sql`DELETE FROM ${sql.ident(schemaName, store.table)} WHERE ${sql.ident(store.parentColumn)} = ANY(${parents})`;
    case 'parentColumn':
      return sql`UPDATE ${ident(schemaName, parent)} SET ${sql.ident(store.column)} = NULL WHERE ${id(parent)} = ANY(${parents}) AND ${sql.ident(store.column)} IS NOT NULL`;
    case 'childColumn':
      return sql`UPDATE ${ident(schemaName, child)} SET ${sql.ident(store.column)} = NULL WHERE ${sql.ident(store.column)} = ANY(${parents})`;
  }
}

/** Removes every link of the given children (in this relation). */
export function disconnectChildren(schemaName: string, link: RelationLink, children: Sql): Sql {
  const { store, parent, child } = link;
  switch (store.kind) {
    case 'table':
      return sql`DELETE FROM ${sql.ident(schemaName, store.table)} WHERE ${sql.ident(store.childColumn)} = ANY(${children})`;
    case 'parentColumn':
      return sql`UPDATE ${ident(schemaName, parent)} SET ${sql.ident(store.column)} = NULL WHERE ${sql.ident(store.column)} = ANY(${children})`;
    case 'childColumn':
      return sql`UPDATE ${ident(schemaName, child)} SET ${sql.ident(store.column)} = NULL WHERE ${id(child)} = ANY(${children}) AND ${sql.ident(store.column)} IS NOT NULL`;
  }
}

/** Removes the link between one parent and one child. */
export function disconnectPair(schemaName: string, link: RelationLink, parentId: unknown, childId: unknown): Sql {
  const { store, parent, child } = link;
  switch (store.kind) {
    case 'table':
      return sql`DELETE FROM ${sql.ident(schemaName, store.table)} WHERE ${sql.ident(store.parentColumn)} = ${idParameter(parent, parentId)} AND ${sql.ident(store.childColumn)} = ${idParameter(child, childId)}`;
    case 'parentColumn':
      return sql`UPDATE ${ident(schemaName, parent)} SET ${sql.ident(store.column)} = NULL WHERE ${id(parent)} = ${idParameter(parent, parentId)} AND ${sql.ident(store.column)} = ${idParameter(child, childId)}`;
    case 'childColumn':
      return sql`UPDATE ${ident(schemaName, child)} SET ${sql.ident(store.column)} = NULL WHERE ${id(child)} = ${idParameter(child, childId)} AND ${sql.ident(store.column)} = ${idParameter(parent, parentId)}`;
  }
}
