// One page of one export source as ONE statement: up to `limit` rows, in a stable order (by id; by
// node id and position for list values; by A then B for link tables), each row an element as JSON
// text (`element`), how many stored rows it stands for (`rows`) and the sort key of its last row
// (`k0`, `k1`). A page starts at a row offset (the protocol's cursor, spec §14.1) or, for the
// following pages of the same request, right after the last key read (keyset: no rows skipped
// again).
import { columnName, idField, scalarFields, scalarListTableName, tableName } from '@refract/schema-model';
import { sql, type Sql, type SqlValue } from '@refract/sql';
import { elementStart, idStringJson, jsonKey, sideEnd, sideStart, text, valueJson } from './element.json.js';
import type { ExportSource, PairStore } from './export.sources.js';

export type PageStart = { readonly offset: number } | { readonly after: readonly unknown[] };

export interface PageRow {
  readonly element: string;
  readonly rows: number;
  readonly key: readonly unknown[];
}

/** `LIMIT n OFFSET m`, or only `LIMIT n` after a keyset condition. */
function window(start: PageStart, limit: number): Sql {
  return 'offset' in start ? sql`LIMIT ${limit} OFFSET ${start.offset}` : sql`LIMIT ${limit}`;
}

/** `(k0, k1) > (after…)` for a keyset page; null for an offset page. */
function after(start: PageStart, keys: readonly Sql[]): Sql | null {
  if ('offset' in start) return null;
  // Untyped parameters compared with a column take the column's type.
  const values = sql.join(start.after.map((value) => sql.value(value as SqlValue)));
  return keys.length === 1 ? sql`${keys[0]!} > ${values}` : sql`(${sql.join(keys)}) > (${values})`;
}

function where(conditions: readonly (Sql | null)[]): Sql {
  const present = conditions.filter((c): c is Sql => c !== null);
  return present.length === 0 ? sql`` : sql` WHERE ${sql.join(present, sql` AND `)}`;
}

const t = (column: string) => sql.ident('t', column);

/** Nodes (spec §14.1): `{"_typeName","id", <every non-list scalar with a value>}`; nulls are left out. */
function nodePage(schemaName: string, source: Extract<ExportSource, { kind: 'nodes' }>, start: PageStart, limit: number): Sql {
  const { model } = source;
  const id = idField(model);
  const idColumn = t(columnName(id));
  const fields = scalarFields(model).filter((f) => !f.isList && !f.isId);
  // `key || value` is NULL when the value is: coalesce drops the whole pair.
  const pairs = fields.map((field) => sql` || coalesce(${text(jsonKey(field.name))} || ${valueJson(field, t(columnName(field)))}, '')`);
  const element = sql`${text(elementStart(model.name))} || ${valueJson(id, idColumn)}${sql.join(pairs, sql``)} || '}'`;
  return sql`SELECT ${element} AS element, 1 AS rows, ${idColumn} AS k0 FROM ${sql.ident(schemaName, tableName(model))} AS t${where([after(start, [idColumn])])} ORDER BY ${idColumn} ${window(start, limit)}`;
}

/**
 * List values (spec §14.1): the page is `limit` stored values; the values of one node inside the
 * page become one element `{"_typeName","id","<field>": [v1, v2, …]}`, in position order, the id
 * as a string whatever its type (as in relation pairs: the CLI refuses elements whose id is not a
 * string, and a list of an Int-id node can be imported into an existing node). A list
 * longer than what remains of a page continues in the next element for the same node, which an
 * import appends (spec §14.2), so the list round-trips in order.
 */
function listPage(schemaName: string, source: Extract<ExportSource, { kind: 'lists' }>, start: PageStart, limit: number): Sql {
  const { model, field } = source;
  const table = sql.ident(schemaName, scalarListTableName(tableName(model), columnName(field)));
  const node = sql.ident('l', 'nodeId');
  const position = sql.ident('l', 'position');
  const values = sql`'[' || string_agg(page.value, ',' ORDER BY page.position) || ']}'`;
  return sql`WITH page AS (SELECT ${node} AS node, ${position} AS position, ${valueJson(field, sql.ident('l', 'value'))} AS value FROM ${table} AS l${where([after(start, [node, position])])} ORDER BY ${node}, ${position} ${window(start, limit)}) SELECT ${text(elementStart(model.name))} || ${idStringJson(sql`page.node`)} || ${text(jsonKey(field.name))} || ${values} AS element, count(*)::int AS rows, page.node AS k0, max(page.position) AS k1 FROM page GROUP BY page.node ORDER BY page.node`;
}

/** The A and B id columns of a pair store as selected from `t`, its sort key, and which rows hold a pair. */
function pairColumns(store: PairStore): { readonly a: Sql; readonly b: Sql; readonly order: readonly Sql[]; readonly filter: Sql | null } {
  if (store.kind === 'table') {
    const a = t(store.aColumn);
    const b = t(store.bColumn);
    return { a, b, order: [a, b], filter: null };
  }
  const holder = t(store.idColumn);
  const other = t(store.column);
  const [a, b] = store.holder === 'A' ? [holder, other] : [other, holder];
  return { a, b, order: [holder], filter: sql`${other} IS NOT NULL` };
}

/**
 * Relation pairs (spec §14.1): `[{"_typeName": B, "id": b, "fieldName"}, {"_typeName": A, "id": a, "fieldName"}]`
 * (side B first, `fieldName` left out for a hidden side, ids as strings), from the link table or
 * from the rows whose inline column is set.
 */
function relationPage(schemaName: string, source: Extract<ExportSource, { kind: 'relations' }>, start: PageStart, limit: number): Sql {
  const { store, a: endA, b: endB } = source;
  const { a, b, order, filter } = pairColumns(store);
  const element = sql`${text(`[${sideStart(endB.model.name)}`)} || ${idStringJson(b)} || ${text(`${sideEnd(endB.fieldName)},${sideStart(endA.model.name)}`)} || ${idStringJson(a)} || ${text(`${sideEnd(endA.fieldName)}]`)}`;
  const keys = order.length === 2 ? sql`${order[0]!} AS k0, ${order[1]!} AS k1` : sql`${order[0]!} AS k0`;
  return sql`SELECT ${element} AS element, 1 AS rows, ${keys} FROM ${sql.ident(schemaName, store.table)} AS t${where([filter, after(start, order)])} ORDER BY ${sql.join(order)} ${window(start, limit)}`;
}

/** The statement reading one page of a source. */
export function pageStatement(schemaName: string, source: ExportSource, start: PageStart, limit: number): Sql {
  switch (source.kind) {
    case 'nodes':
      return nodePage(schemaName, source, start, limit);
    case 'lists':
      return listPage(schemaName, source, start, limit);
    case 'relations':
      return relationPage(schemaName, source, start, limit);
  }
}

/** A row of a page statement, typed. */
export function pageRow(row: Record<string, unknown>): PageRow {
  const key = 'k1' in row ? [row.k0, row.k1] : [row.k0];
  return { element: String(row.element), rows: Number(row.rows), key };
}
