// Filter → SQL boolean expression (spec §7.2), with Prisma 1's semantics: `AND: []` is true,
// `OR: []` false, `NOT: [a, b]` is `NOT a AND NOT b`, `f_in: null` is IS NULL, `f_not: v` leaves
// NULLs out (plain SQL three-valued logic), `_every` holds when no related row fails.
import { columnName, type Model } from '@refract/schema-model';
import { sql, type Sql } from '@refract/sql';
import type { Filter } from '../plan/read.plan.js';
import { alias, relationSource, type CompileContext } from './relation.join.js';
import { arrayParameter, parameter } from './scalar.value.js';

/** `%`, `_` and the escape character itself are literal in Prisma's string filters. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function scalarCondition(filter: Extract<Filter, { kind: 'scalar' }>, tableAlias: string): Sql {
  const column = sql.ident(tableAlias, columnName(filter.field));
  const { field, value } = filter;
  const like = (pattern: (v: string) => string, negate: boolean) => {
    if (value === null) return negate ? sql`${column} IS NOT NULL` : sql`${column} IS NULL`;
    const text = pattern(escapeLike(String(value)));
    return negate ? sql`${column} NOT LIKE ${text}` : sql`${column} LIKE ${text}`;
  };
  switch (filter.operator) {
    case 'equals':
      return value === null ? sql`${column} IS NULL` : sql`${column} = ${parameter(field, value)}`;
    case 'not':
      return value === null ? sql`${column} IS NOT NULL` : sql`${column} <> ${parameter(field, value)}`;
    case 'in':
      if (value === null) return sql`${column} IS NULL`;
      if ((value as unknown[]).length === 0) return sql`false`;
      return sql`${column} = ANY(${arrayParameter(field, value as unknown[])})`;
    case 'not_in':
      if (value === null) return sql`${column} IS NOT NULL`;
      if ((value as unknown[]).length === 0) return sql`true`;
      return sql`NOT (${column} = ANY(${arrayParameter(field, value as unknown[])}))`;
    case 'lt':
      return value === null ? sql`false` : sql`${column} < ${parameter(field, value)}`;
    case 'lte':
      return value === null ? sql`false` : sql`${column} <= ${parameter(field, value)}`;
    case 'gt':
      return value === null ? sql`false` : sql`${column} > ${parameter(field, value)}`;
    case 'gte':
      return value === null ? sql`false` : sql`${column} >= ${parameter(field, value)}`;
    case 'contains':
      return like((v) => `%${v}%`, false);
    case 'not_contains':
      return like((v) => `%${v}%`, true);
    case 'starts_with':
      return like((v) => `${v}%`, false);
    case 'not_starts_with':
      return like((v) => `${v}%`, true);
    case 'ends_with':
      return like((v) => `%${v}`, false);
    case 'not_ends_with':
      return like((v) => `%${v}`, true);
  }
}

function isTrue(filter: Filter | null): boolean {
  return filter === null || (filter.kind === 'and' && filter.filters.length === 0);
}

/** The condition `filter` puts on rows of `model` under `tableAlias`. */
export function whereCondition(ctx: CompileContext, model: Model, filter: Filter | null, tableAlias: string): Sql {
  if (filter === null) return sql`true`;
  switch (filter.kind) {
    case 'and':
      if (filter.filters.length === 0) return sql`true`;
      return group(filter.filters.map((f) => whereCondition(ctx, model, f, tableAlias)), sql` AND `);
    case 'or':
      if (filter.filters.length === 0) return sql`false`;
      return group(filter.filters.map((f) => whereCondition(ctx, model, f, tableAlias)), sql` OR `);
    case 'not':
      if (filter.filters.length === 0) return sql`true`;
      return group(filter.filters.map((f) => sql`NOT ${whereCondition(ctx, model, f, tableAlias)}`), sql` AND `);
    case 'scalar':
      return scalarCondition(filter, tableAlias);
    case 'toOne': {
      const exists = related(ctx, model, filter.field, filter.model, filter.filter, tableAlias);
      return filter.filter === null ? sql`NOT ${exists}` : exists;
    }
    case 'toMany': {
      if (filter.quantifier === 'some') return related(ctx, model, filter.field, filter.model, filter.filter, tableAlias);
      if (filter.quantifier === 'none') return sql`NOT ${related(ctx, model, filter.field, filter.model, filter.filter, tableAlias)}`;
      // every: no related row for which the condition is false (NULL counts as neither).
      if (isTrue(filter.filter)) return sql`true`;
      const child = alias(ctx);
      const source = relationSource(ctx, model, tableAlias, filter.field, filter.model, child);
      return sql`NOT EXISTS (SELECT 1 FROM ${source.from} WHERE ${source.on} AND NOT ${whereCondition(ctx, filter.model, filter.filter, child)})`;
    }
  }
}

function group(parts: readonly Sql[], separator: Sql): Sql {
  return parts.length === 1 ? sql`(${parts[0]!})` : sql`(${sql.join(parts, separator)})`;
}

/** EXISTS a related row (matching `filter` unless it is null or empty). */
function related(ctx: CompileContext, model: Model, field: Extract<Filter, { kind: 'toOne' }>['field'], relatedModel: Model, filter: Filter | null, tableAlias: string): Sql {
  const child = alias(ctx);
  const source = relationSource(ctx, model, tableAlias, field, relatedModel, child);
  const condition = isTrue(filter) ? sql.empty : sql` AND ${whereCondition(ctx, relatedModel, filter, child)}`;
  return sql`EXISTS (SELECT 1 FROM ${source.from} WHERE ${source.on}${condition})`;
}
