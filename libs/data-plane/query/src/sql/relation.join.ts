// How a relation field reaches the related rows (spec §3.4, §4.5, §4.6): through a link table, or
// through an inline column that sits either in the parent's table or in the related table. Every
// read and filter over a relation goes through `relationSource`, so the three layouts are told
// apart in one place.
import {
  columnName,
  getRelation,
  idField,
  inlineHolderSide,
  tableName,
  type Model,
  type RelationField,
  type SchemaModel,
} from '@refract/schema-model';
import { sql, type Sql } from '@refract/sql';

export interface CompileContext {
  readonly schema: SchemaModel;
  /** The PostgreSQL schema of the project (`service$stage`). */
  readonly schemaName: string;
  nextAlias: number;
}

export function alias(ctx: CompileContext, prefix = 't'): string {
  return `${prefix}${ctx.nextAlias++}`;
}

export function table(ctx: CompileContext, model: Model): Sql {
  return sql.ident(ctx.schemaName, tableName(model));
}

export function idColumn(model: Model, tableAlias: string): Sql {
  return sql.ident(tableAlias, columnName(idField(model)));
}

/**
 * The rows of `related` linked to the parent row `parentAlias` through `field`:
 * `FROM <from>` and `WHERE <on>`, with the related rows under `childAlias`.
 */
export interface RelationSource {
  readonly from: Sql;
  readonly on: Sql;
}

export function relationSource(ctx: CompileContext, parent: Model, parentAlias: string, field: RelationField, related: Model, childAlias: string): RelationSource {
  const relation = getRelation(ctx.schema, field.relationName);
  const m = relation.manifestation;
  const relatedTable = sql`${table(ctx, related)} AS ${sql.ident(childAlias)}`;
  if (m.kind === 'table') {
    const link = alias(ctx, 'l');
    const parentColumn = field.relationSide === 'A' ? m.modelAColumn : m.modelBColumn;
    const childColumn = field.relationSide === 'A' ? m.modelBColumn : m.modelAColumn;
    return {
      from: sql`${relatedTable} JOIN ${sql.ident(ctx.schemaName, m.table)} AS ${sql.ident(link)} ON ${sql.ident(link, childColumn)} = ${idColumn(related, childAlias)}`,
      on: sql`${sql.ident(link, parentColumn)} = ${idColumn(parent, parentAlias)}`,
    };
  }
  const holder = inlineHolderSide(ctx.schema, relation);
  if (holder === field.relationSide) {
    // The parent row holds the related row's id.
    return { from: relatedTable, on: sql`${idColumn(related, childAlias)} = ${sql.ident(parentAlias, m.referencingColumn)}` };
  }
  return { from: relatedTable, on: sql`${sql.ident(childAlias, m.referencingColumn)} = ${idColumn(parent, parentAlias)}` };
}
