// Pipeline stage 8 for reads: a ReadPlan → ONE SQL statement, however deep the selection nests.
// PostgreSQL builds the response JSON itself (json_build_object / json_agg) and returns it as
// the single text column `result`, so the worker can splice it into the response unparsed.
// Relations become correlated subqueries, which gives per-parent pagination for free (a LIMIT
// inside the subquery applies to each parent row).
import { columnName, idField, scalarListTableName, tableName, type Model, type SchemaModel } from '@refract/schema-model';
import { sql, type Sql } from '@refract/sql';
import type { ConnectionField, ListArguments, NodeSelection, ReadPlan, SelectedField } from '../plan/read.plan.js';
import { cursorConditions, isPaged, limitClause, orderBy, orderTerms } from './order.clause.js';
import { alias, idColumn, relationSource, table, type CompileContext } from './relation.join.js';
import { jsonOutput, parameter } from './scalar.value.js';
import { whereCondition } from './where.clause.js';

/** json_build_object takes at most 100 arguments; wider objects are built from a row instead. */
const MAX_PAIRS = 50;

function key(name: string): Sql {
  return sql`${sql.literal(name)}::text`;
}

function jsonObject(pairs: readonly (readonly [string, Sql])[]): Sql {
  if (pairs.length <= MAX_PAIRS) return sql`json_build_object(${sql.join(pairs.map(([k, v]) => sql`${key(k)}, ${v}`))})`;
  // row_to_json keeps the column order, and has no argument limit.
  return sql`(SELECT row_to_json(r) FROM (SELECT ${sql.join(pairs.map(([k, v]) => sql`${v} AS ${sql.ident(k)}`))}) AS r)`;
}

function selectedValue(ctx: CompileContext, model: Model, tableAlias: string, field: SelectedField): Sql {
  switch (field.kind) {
    case 'typename':
      return key(field.typename);
    case 'scalar':
      return jsonOutput(field.field.type, sql.ident(tableAlias, columnName(field.field)));
    case 'scalarList': {
      const list = alias(ctx, 'v');
      const values = sql.ident(ctx.schemaName, scalarListTableName(tableName(model), columnName(field.field)));
      const value = jsonOutput(field.field.type, sql.ident(list, 'value'));
      return sql`(SELECT coalesce(json_agg(${value} ORDER BY ${sql.ident(list, 'position')}), '[]'::json) FROM ${values} AS ${sql.ident(list)} WHERE ${sql.ident(list, 'nodeId')} = ${idColumn(model, tableAlias)})`;
    }
    case 'toOne': {
      const child = alias(ctx);
      const source = relationSource(ctx, model, tableAlias, field.field, field.model, child);
      return sql`(SELECT ${nodeObject(ctx, field.model, child, field.selection)} FROM ${source.from} WHERE ${source.on} LIMIT 1)`;
    }
    case 'toMany': {
      const child = alias(ctx);
      const source = relationSource(ctx, model, tableAlias, field.field, field.model, child);
      return listOf(ctx, field.model, field.args, field.selection, child, source.from, [source.on]);
    }
  }
}

/** The JSON object of one row of `model` under `tableAlias`. */
function nodeObject(ctx: CompileContext, model: Model, tableAlias: string, selection: NodeSelection): Sql {
  return jsonObject(selection.map((field) => [field.key, selectedValue(ctx, model, tableAlias, field)] as const));
}

function conditions(ctx: CompileContext, model: Model, args: ListArguments, rowAlias: string, base: readonly Sql[]): Sql {
  const all = [...base, ...(args.filter ? [whereCondition(ctx, model, args.filter, rowAlias)] : []), ...cursorConditions(ctx, model, args, rowAlias)];
  return all.length === 0 ? sql`true` : sql.join(all, sql` AND `);
}

/**
 * A JSON array of the rows `from` (aliased `rowAlias`) that pass `base` and the arguments, in
 * order. With pagination the window is cut in a subquery first, read backwards for `last`.
 */
function listOf(ctx: CompileContext, model: Model, args: ListArguments, selection: NodeSelection, rowAlias: string, from: Sql, base: readonly Sql[]): Sql {
  const terms = orderTerms(model, args);
  const where = conditions(ctx, model, args, rowAlias, base);
  if (!isPaged(args)) {
    return sql`(SELECT coalesce(json_agg(${nodeObject(ctx, model, rowAlias, selection)} ORDER BY ${orderBy(terms, rowAlias, false)}), '[]'::json) FROM ${from} WHERE ${where})`;
  }
  const page = alias(ctx, 'p');
  const reverse = args.last !== null;
  const window = sql`SELECT ${sql.ident(rowAlias)}.* FROM ${from} WHERE ${where} ORDER BY ${orderBy(terms, rowAlias, reverse)}${limitClause(args, false)}`;
  return sql`(SELECT coalesce(json_agg(${nodeObject(ctx, model, page, selection)} ORDER BY ${orderBy(terms, page, false)}), '[]'::json) FROM (${window}) AS ${sql.ident(page)})`;
}

const ROW_NUMBER = '__refract_row';

function connection(ctx: CompileContext, model: Model, args: ListArguments, selection: readonly ConnectionField[]): Sql {
  const terms = orderTerms(model, args);
  const rows = alias(ctx);
  const from = sql`${table(ctx, model)} AS ${sql.ident(rows)}`;
  const where = conditions(ctx, model, args, rows, []);
  const reverse = args.last !== null;
  const size = args.first ?? args.last;
  const needsPage = selection.some((f) => f.kind === 'pageInfo' || f.kind === 'edges');
  const page = alias(ctx, 'p');
  const pageRows = sql.ident(page);
  const rowNumber = sql.ident(page, ROW_NUMBER);
  // Row numbers follow the reading order (backwards for `last`); the page is rows 1..size, and a
  // row size+1 means there is more in the reading direction.
  const inPage = size === null ? sql`true` : sql`${rowNumber} <= ${size}`;
  const hasMore = size === null ? sql`false` : sql`(SELECT count(*) FROM ${pageRows}) > ${size}`;
  const cursorOf = (position: 'first' | 'last') => {
    const fromStart = (position === 'first') !== reverse;
    return sql`(SELECT ${idColumn(model, page)}::text FROM ${pageRows} WHERE ${inPage} ORDER BY ${rowNumber} ${fromStart ? sql`ASC` : sql`DESC`} LIMIT 1)`;
  };
  const countRows = alias(ctx, 'n');
  const count = () => {
    if (!isPaged(args)) return sql`(SELECT count(*) FROM ${from} WHERE ${where})`;
    return sql`(SELECT count(*) FROM (SELECT 1 FROM ${from} WHERE ${where}${limitClause(args, false)}) AS ${sql.ident(countRows)})`;
  };

  const pairs = selection.map((field): readonly [string, Sql] => {
    switch (field.kind) {
      case 'typename':
        return [field.key, key(field.typename)];
      case 'aggregate':
        return [field.key, jsonObject(field.fields.map((f) => [f.key, f.kind === 'typename' ? key(f.typename) : count()] as const))];
      case 'pageInfo':
        return [
          field.key,
          jsonObject(
            field.fields.map((f) => {
              switch (f.kind) {
                case 'typename':
                  return [f.key, key(f.typename)] as const;
                case 'hasNextPage':
                  return [f.key, reverse ? sql`false` : hasMore] as const;
                case 'hasPreviousPage':
                  return [f.key, reverse ? hasMore : sql`false`] as const;
                case 'startCursor':
                  return [f.key, cursorOf('first')] as const;
                case 'endCursor':
                  return [f.key, cursorOf('last')] as const;
              }
            }),
          ),
        ];
      case 'edges': {
        const edge = jsonObject(
          field.fields.map((f) => {
            switch (f.kind) {
              case 'typename':
                return [f.key, key(f.typename)] as const;
              case 'cursor':
                return [f.key, sql`${idColumn(model, page)}::text`] as const;
              case 'node':
                return [f.key, nodeObject(ctx, model, page, f.selection)] as const;
            }
          }),
        );
        return [field.key, sql`(SELECT coalesce(json_agg(${edge} ORDER BY ${rowNumber} ${reverse ? sql`DESC` : sql`ASC`}), '[]'::json) FROM ${pageRows} WHERE ${inPage})`];
      }
    }
  });
  const body = jsonObject(pairs);
  if (!needsPage) return sql`SELECT ${body}::text AS result`;
  const order = orderBy(terms, rows, reverse);
  const window = sql`SELECT ${sql.ident(rows)}.*, row_number() OVER (ORDER BY ${order}) AS ${sql.ident(ROW_NUMBER)} FROM ${from} WHERE ${where} ORDER BY ${order}${limitClause(args, true)}`;
  return sql`WITH ${pageRows} AS (${window}) SELECT ${body}::text AS result`;
}

/**
 * `WITH inserted AS (<insert … RETURNING *>) SELECT <the new row's JSON> AS result`: the result of
 * a create read in the statement that writes it. Only for rows whose relations all point at rows
 * that existed before the statement (their snapshot is the one the subqueries read).
 */
export function compileInsertedRead(insert: Sql, model: Model, selection: NodeSelection, options: CompileOptions): Sql {
  const ctx: CompileContext = { schema: options.schema, schemaName: options.schemaName, nextAlias: 0 };
  const row = alias(ctx);
  return sql`WITH inserted AS (${insert}) SELECT (SELECT ${nodeObject(ctx, model, row, selection)} FROM inserted AS ${sql.ident(row)})::text AS result`;
}

export interface CompileOptions {
  readonly schema: SchemaModel;
  /** The project's PostgreSQL schema (`service$stage`). */
  readonly schemaName: string;
}

/** The one statement of a read; it returns one row whose `result` column is the field's JSON text. */
export function compileRead(plan: ReadPlan, options: CompileOptions): Sql {
  const ctx: CompileContext = { schema: options.schema, schemaName: options.schemaName, nextAlias: 0 };
  switch (plan.kind) {
    case 'findUnique': {
      const row = alias(ctx);
      const column = sql.ident(row, columnName(plan.where.field));
      return sql`SELECT (SELECT ${nodeObject(ctx, plan.model, row, plan.selection)} FROM ${table(ctx, plan.model)} AS ${sql.ident(row)} WHERE ${column} = ${parameter(plan.where.field, plan.where.value)})::text AS result`;
    }
    case 'findMany': {
      const row = alias(ctx);
      return sql`SELECT ${listOf(ctx, plan.model, plan.args, plan.selection, row, sql`${table(ctx, plan.model)} AS ${sql.ident(row)}`, [])}::text AS result`;
    }
    case 'connection':
      return connection(ctx, plan.model, plan.args, plan.selection);
    case 'node': {
      if (plan.candidates.length === 0) return sql`SELECT NULL::text AS result`;
      const lookups = plan.candidates.map(({ model, selection }) => {
        const row = alias(ctx);
        const id = idField(model);
        return sql`(SELECT ${nodeObject(ctx, model, row, selection)} FROM ${table(ctx, model)} AS ${sql.ident(row)} WHERE ${sql.ident(row, columnName(id))} = ${parameter(id, plan.id)})`;
      });
      return sql`SELECT coalesce(${sql.join(lookups)})::text AS result`;
    }
  }
}
