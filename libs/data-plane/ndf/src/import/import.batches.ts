// The statements of an import: one batch per model (its nodes, then for a 1.0 project its `_RelayId`
// rows), per list field and per relation. A batch is ONE statement for all its rows — the rows
// travel as one array parameter per column (`unnest`), so its size never meets PostgreSQL's
// parameter limit — plus the same rows one at a time, which the runner only uses to name the rows
// that made the batch fail.
import {
  columnName,
  createCuid,
  getModel,
  idField,
  scalarListTableName,
  tableName,
  type Model,
  type ScalarTypeIdentifier,
  type SchemaModel,
} from '@refract/schema-model';
import { RELAY_ID_TABLE } from '@refract/ddl';
import { castOf } from '@refract/query';
import { sql, type Sql, type SqlValue } from '@refract/sql';
import { pairStore } from '../export/export.sources.js';
import { importMessages, valueText } from './import.messages.js';
import type { ListAppend } from './list.rows.js';
import type { ModelInsert } from './node.rows.js';
import type { Pair, RelationPairs } from './relation.rows.js';

export interface BatchRow {
  /** Built only when the batch failed (diagnosis is the rare path). */
  readonly statement: () => Sql;
  /** Prisma's message for this row, given the database's cause. */
  readonly failure: (cause: string) => string;
  /** For statements that must change one row: the cause when the row does not exist. */
  readonly missing?: string;
}

export interface ImportBatch {
  readonly statement: Sql;
  readonly rows: readonly BatchRow[];
  /** The statement returns one row per input row (RETURNING); fewer means a node it should change does not exist. */
  readonly returnsEachRow: boolean;
}

function array(type: ScalarTypeIdentifier, values: readonly SqlValue[]): Sql {
  return sql`${values}::${castOf(type)}[]`;
}

/** Several arrays zipped into rows: `unnest($1::t1[], $2::t2[], …)`. */
function unnest(columns: readonly { readonly type: ScalarTypeIdentifier; readonly values: readonly SqlValue[] }[]): Sql {
  return sql`unnest(${sql.join(columns.map((c) => array(c.type, c.values)))})`;
}

/** A batch, and the same statement for each row alone. */
function batchOf<R>(rows: readonly R[], statement: (rows: readonly R[]) => Sql, failure: (row: R) => (cause: string) => string, missing?: (row: R) => string): ImportBatch {
  return {
    statement: statement(rows),
    rows: rows.map((row) => ({ statement: () => statement([row]), failure: failure(row), ...(missing ? { missing: missing(row) } : {}) })),
    returnsEachRow: missing !== undefined,
  };
}

export function nodeBatches(schema: SchemaModel, schemaName: string, insert: ModelInsert): ImportBatch[] {
  const { model, fields } = insert;
  const table = sql.ident(schemaName, tableName(model));
  const nodes = batchOf(
    insert.rows,
    (rows) => {
      const columns = fields.map((field, i) => ({ type: field.type, values: rows.map((row) => row.values[i] ?? null) }));
      return sql`INSERT INTO ${table} (${sql.join(fields.map((f) => sql.ident(columnName(f))))}) SELECT * FROM ${unnest(columns)}`;
    },
    (row) => (cause) => importMessages.nodeInsert(tableName(model), row.id, cause),
  );
  if (schema.datamodelFormat !== '1.0') return [nodes];
  const relay = batchOf(
    insert.rows,
    (rows) =>
      sql`INSERT INTO ${sql.ident(schemaName, RELAY_ID_TABLE)} ("id", "stableModelIdentifier") SELECT v.id, ${model.stableIdentifier} FROM unnest(${rows.map((r) => r.id)}::text[]) AS v(id)`,
    (row) => (cause) => importMessages.relayInsert(row.id, cause),
  );
  return [nodes, relay];
}

/** Values appended after the node's last position, 1000 apart (spec §4.4). */
export function listBatch(schemaName: string, append: ListAppend): ImportBatch {
  const { model, field } = append;
  const tableText = scalarListTableName(tableName(model), columnName(field));
  const table = sql.ident(schemaName, tableText);
  const idType = idField(model).type;
  return batchOf(
    append.rows,
    (rows) => {
      const values = unnest([
        { type: idType, values: rows.map((r) => r.nodeId) },
        { type: 'Int', values: rows.map((r) => r.ord) },
        { type: field.type, values: rows.map((r) => r.value) },
      ]);
      const last = sql`(SELECT max(l."position") FROM ${table} AS l WHERE l."nodeId" = v.node)`;
      return sql`WITH v(node, ord, value) AS (SELECT * FROM ${values}) INSERT INTO ${table} ("nodeId", "position", "value") SELECT v.node, coalesce(${last}, 0) + 1000 * v.ord, v.value FROM v`;
    },
    (row) => (cause) => importMessages.listInsert(tableText, row.nodeId, valueText(row.given), cause),
  );
}

/** The last pair given for each holder: an inline column holds one id, as consecutive imports would leave it. */
function lastPerHolder(pairs: readonly Pair[], holder: 'A' | 'B'): Pair[] {
  const byHolder = new Map<string, Pair>();
  for (const pair of pairs) {
    const key = holder === 'A' ? pair.a : pair.b;
    byHolder.delete(key);
    byHolder.set(key, pair);
  }
  return [...byHolder.values()];
}

export function relationBatch(schema: SchemaModel, schemaName: string, group: RelationPairs): ImportBatch {
  const { relation } = group;
  const modelA: Model = getModel(schema, relation.modelA);
  const modelB: Model = getModel(schema, relation.modelB);
  const typeA = idField(modelA).type;
  const typeB = idField(modelB).type;
  const store = pairStore(schema, relation);
  if (store.kind === 'table') {
    const columns = [store.aColumn, store.bColumn, ...(store.idColumn ? [store.idColumn] : [])].map((c) => sql.ident(c));
    return batchOf(
      group.pairs,
      (pairs) => {
        const arrays = [
          { type: typeA, values: pairs.map((p) => p.a) },
          { type: typeB, values: pairs.map((p) => p.b) },
          // 1.0 link tables (and link tables declared with an id) get a fresh cuid per row (spec Appendix A).
          ...(store.idColumn ? [{ type: 'Cuid' as const, values: pairs.map(() => createCuid()) }] : []),
        ];
        return sql`INSERT INTO ${sql.ident(schemaName, store.table)} (${sql.join(columns)}) SELECT * FROM ${unnest(arrays)}`;
      },
      (pair) => (cause) => importMessages.relationInsert(store.table, pair.a, pair.b, cause),
    );
  }
  const [holderModel, holderType, otherType] = store.holder === 'A' ? [modelA, typeA, typeB] : [modelB, typeB, typeA];
  const holderOf = (p: Pair) => (store.holder === 'A' ? p.a : p.b);
  const otherOf = (p: Pair) => (store.holder === 'A' ? p.b : p.a);
  const id = sql.ident('t', store.idColumn);
  return batchOf(
    lastPerHolder(group.pairs, store.holder),
    (pairs) => {
      const values = unnest([
        { type: holderType, values: pairs.map(holderOf) },
        { type: otherType, values: pairs.map(otherOf) },
      ]);
      return sql`UPDATE ${sql.ident(schemaName, store.table)} AS t SET ${sql.ident(store.column)} = v.other FROM ${values} AS v(holder, other) WHERE ${id} = v.holder RETURNING ${id}`;
    },
    (pair) => (cause) => importMessages.relationInsert(store.table, pair.a, pair.b, cause),
    (pair) => `There is no ${holderModel.name} with id ${holderOf(pair)}.`,
  );
}
