// Ordering and the pagination window (spec §7.3, §7.4): ORDER BY the chosen field then id ASC as
// the tie-breaker (ASC even for _DESC), cursors as "strictly after/before the cursor row in that
// order", and `last` as the same window read backwards.
import { columnName, idField, type Model, type ScalarField } from '@refract/schema-model';
import { sql, type Sql } from '@refract/sql';
import type { ListArguments } from '../plan/read.plan.js';
import { alias, table, type CompileContext } from './relation.join.js';
import { parameter } from './scalar.value.js';

interface OrderTerm {
  readonly field: ScalarField;
  readonly direction: 'ASC' | 'DESC';
}

export function orderTerms(model: Model, args: ListArguments): OrderTerm[] {
  const id = idField(model);
  if (!args.orderBy) return [{ field: id, direction: 'ASC' }];
  if (args.orderBy.field === id) return [args.orderBy];
  return [args.orderBy, { field: id, direction: 'ASC' }];
}

/** `ORDER BY` terms on `tableAlias`, reversed for `last` when `reverse` is set. */
export function orderBy(terms: readonly OrderTerm[], tableAlias: string, reverse: boolean): Sql {
  return sql.join(
    terms.map((term) => {
      const ascending = (term.direction === 'ASC') !== reverse;
      return sql`${sql.ident(tableAlias, columnName(term.field))} ${ascending ? sql`ASC` : sql`DESC`}`;
    }),
  );
}

/** Rows strictly after (or before) the cursor row in the order; nothing when the cursor row is gone. */
function cursorCondition(ctx: CompileContext, model: Model, terms: readonly OrderTerm[], tableAlias: string, cursor: string | number, after: boolean): Sql {
  const id = idField(model);
  const idColumn = sql.ident(tableAlias, columnName(id));
  const cursorId = parameter(id, cursor);
  const [first] = terms;
  if (first!.field === id) {
    const greater = (first!.direction === 'ASC') === after;
    const exists = alias(ctx, 'c');
    return sql`(${idColumn} ${greater ? sql`>` : sql`<`} ${cursorId} AND EXISTS (SELECT 1 FROM ${table(ctx, model)} AS ${sql.ident(exists)} WHERE ${sql.ident(exists, columnName(id))} = ${cursorId}))`;
  }
  const column = sql.ident(tableAlias, columnName(first!.field));
  const cursorRow = alias(ctx, 'c');
  const cursorValue = sql`(SELECT ${sql.ident(cursorRow, columnName(first!.field))} FROM ${table(ctx, model)} AS ${sql.ident(cursorRow)} WHERE ${sql.ident(cursorRow, columnName(id))} = ${cursorId})`;
  const beyond = (first!.direction === 'ASC') === after ? sql`>` : sql`<`;
  // The id tie-breaker is always ascending, so "after" means a greater id among equal values.
  return sql`(${column} ${beyond} ${cursorValue} OR (${column} = ${cursorValue} AND ${idColumn} ${after ? sql`>` : sql`<`} ${cursorId}))`;
}

export function cursorConditions(ctx: CompileContext, model: Model, args: ListArguments, tableAlias: string): Sql[] {
  const terms = orderTerms(model, args);
  const conditions: Sql[] = [];
  if (args.after !== null) conditions.push(cursorCondition(ctx, model, terms, tableAlias, args.after, true));
  if (args.before !== null) conditions.push(cursorCondition(ctx, model, terms, tableAlias, args.before, false));
  return conditions;
}

/** `LIMIT n OFFSET skip`, with one extra row when the page flags need it. */
export function limitClause(args: ListArguments, extraRow: boolean): Sql {
  const size = args.first ?? args.last;
  const limit = size === null ? sql.empty : sql` LIMIT ${size + (extraRow ? 1 : 0)}`;
  const offset = args.skip > 0 ? sql` OFFSET ${args.skip}` : sql.empty;
  return sql`${limit}${offset}`;
}

export function isPaged(args: ListArguments): boolean {
  return args.first !== null || args.last !== null || args.skip > 0;
}
