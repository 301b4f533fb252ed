// The statements that write a model's rows (spec §4.3, §4.4, Appendix A): insert, update and delete
// of node rows, their scalar-list rows and, for 1.0 projects, their `_RelayId` rows. Each takes
// ids as arrays where it can, so a write over many nodes is one statement.
import { columnName, idField, scalarFields, scalarListTableName, tableName, type Model, type ScalarField, type SchemaModel } from '@refract/schema-model';
import { RELAY_ID_TABLE } from '@refract/ddl';
import { sql, type Sql } from '@refract/sql';
import type { ListValue, ScalarValue } from '../plan/write.plan.js';
import { arrayParameter, parameter } from './scalar.value.js';

/** A value as written: Json is stored as its text (spec §4.2), everything else as `parameter` casts it. */
export function writeParameter(field: ScalarField, value: unknown): Sql {
  if (value === null || value === undefined) return sql`NULL`;
  if (field.type === 'Json') return sql`${JSON.stringify(value)}::text`;
  return parameter(field, value);
}

function table(schemaName: string, model: Model): Sql {
  return sql.ident(schemaName, tableName(model));
}

function idOf(model: Model): Sql {
  return sql.ident(columnName(idField(model)));
}

/** An extra column of an insert whose value comes from a connected node (spec §8.2 nested connect). */
export interface ConnectedColumn {
  readonly column: string;
  /** `SELECT id FROM … WHERE unique = $v`: exactly one row, or none when the node does not exist. */
  readonly source: Sql;
}

/**
 * INSERT … RETURNING the id (`id`), or the whole row (`row`). Columns filled from connected nodes
 * are joined in, so when one of those nodes is missing nothing is inserted and no row comes back.
 */
export function insertNode(schemaName: string, model: Model, scalars: readonly ScalarValue[], connected: readonly ConnectedColumn[], returning: 'id' | 'row' = 'id'): Sql {
  const returned = returning === 'row' ? sql`*` : sql`${idOf(model)} AS id`;
  const columns = [...scalars.map((s) => sql.ident(columnName(s.field))), ...connected.map((c) => sql.ident(c.column))];
  const values = [...scalars.map((s) => writeParameter(s.field, s.value)), ...connected.map((_, i) => sql.ident(`c${i}`, 'id'))];
  if (columns.length === 0) return sql`INSERT INTO ${table(schemaName, model)} DEFAULT VALUES RETURNING ${returned}`;
  const target = sql`INSERT INTO ${table(schemaName, model)} (${sql.join(columns)})`;
  if (connected.length === 0) return sql`${target} VALUES (${sql.join(values)}) RETURNING ${returned}`;
  const sources = connected.map((c, i) => sql`(${c.source}) AS ${sql.ident(`c${i}`)}`);
  return sql`${target} SELECT ${sql.join(values)} FROM ${sql.join(sources, sql`, `)} RETURNING ${returned}`;
}

/**
 * One INSERT of several new rows of a model (nested creates of a list, spec §8.2), returning their
 * ids in the order given. A column one row leaves out is NULL there: the layout has no column
 * defaults besides the id sequence, and Int ids are never given (spec §4.2, §6.7).
 */
export function insertRows(schemaName: string, model: Model, rows: readonly (readonly ScalarValue[])[], parentColumn: { readonly column: string; readonly value: Sql } | null): Sql {
  const fields = scalarFields(model).filter((field) => rows.some((row) => row.some((s) => s.field === field)));
  const columns = [...fields.map((f) => sql.ident(columnName(f))), ...(parentColumn ? [sql.ident(parentColumn.column)] : [])];
  const tuples = rows.map((row) => {
    const values = fields.map((field) => {
      const given = row.find((s) => s.field === field);
      return given ? writeParameter(field, given.value) : sql`NULL`;
    });
    return sql`(${sql.join([...values, ...(parentColumn ? [parentColumn.value] : [])])})`;
  });
  return sql`INSERT INTO ${table(schemaName, model)} (${sql.join(columns)}) VALUES ${sql.join(tuples)} RETURNING ${idOf(model)} AS id`;
}

/** UPDATE of the given scalars for every node in `nodeIds`, returning the ids it touched. */
export function updateNodes(schemaName: string, model: Model, scalars: readonly ScalarValue[], nodeIds: Sql): Sql {
  const assignments = scalars.map((s) => sql`${sql.ident(columnName(s.field))} = ${writeParameter(s.field, s.value)}`);
  return sql`UPDATE ${table(schemaName, model)} SET ${sql.join(assignments)} WHERE ${idOf(model)} = ANY(${nodeIds}) RETURNING ${idOf(model)} AS id`;
}

export function deleteNodes(schemaName: string, model: Model, nodeIds: Sql): Sql {
  return sql`DELETE FROM ${table(schemaName, model)} WHERE ${idOf(model)} = ANY(${nodeIds})`;
}

function listTable(schemaName: string, model: Model, field: ScalarField): Sql {
  return sql.ident(schemaName, scalarListTableName(tableName(model), columnName(field)));
}

/** Removes the list rows of the nodes (before they are deleted or their list is replaced). */
export function deleteListValues(schemaName: string, model: Model, field: ScalarField, nodeIds: Sql): Sql {
  return sql`DELETE FROM ${listTable(schemaName, model, field)} WHERE "nodeId" = ANY(${nodeIds})`;
}

/** Writes the list for every node in `nodeIds`, at positions 1000, 2000, … (spec §4.4). */
export function insertListValues(schemaName: string, model: Model, list: ListValue, nodeIds: Sql): Sql {
  return sql`INSERT INTO ${listTable(schemaName, model, list.field)} ("nodeId", "position", "value") SELECT n.id, v.ordinality * 1000, v.value FROM unnest(${nodeIds}) AS n(id) CROSS JOIN unnest(${arrayParameter(list.field, list.values)}) WITH ORDINALITY AS v(value, ordinality)`;
}

export function insertRelayId(schemaName: string, model: Model, nodeId: unknown): Sql {
  return sql`INSERT INTO ${sql.ident(schemaName, RELAY_ID_TABLE)} ("id", "stableModelIdentifier") VALUES (${String(nodeId)}, ${model.stableIdentifier})`;
}

export function deleteRelayIds(schemaName: string, nodeIds: readonly unknown[]): Sql {
  return sql`DELETE FROM ${sql.ident(schemaName, RELAY_ID_TABLE)} WHERE "id" = ANY(${nodeIds.map(String)}::text[])`;
}

/**
 * How a write locks the nodes it addresses before checking rules on them. Nodes about to be
 * deleted take `FOR UPDATE`, which also waits for transactions whose foreign keys just began to
 * point at them (their `KEY SHARE` locks), so the required-relation check sees those links. Nodes
 * whose row or links a rule reads take `FOR NO KEY UPDATE`: writers of the same node queue up, but
 * inserts that merely reference it go ahead. Nodes only linked to, with no rule about them (the
 * other side is a list), take `FOR KEY SHARE`, the lock their foreign key takes anyway: they must
 * not vanish, and nothing else needs to wait for them, which keeps lock-order deadlocks rare.
 */
export type NodeLock = 'delete' | 'write' | 'reference';

const LOCK_MODES: Readonly<Record<NodeLock, Sql>> = {
  delete: sql`FOR UPDATE`,
  write: sql`FOR NO KEY UPDATE`,
  reference: sql`FOR KEY SHARE`,
};

/**
 * `SELECT id FROM model WHERE <condition> ORDER BY id FOR …`: the nodes a write addresses, locked
 * in id order, so two writes over overlapping sets take their locks in the same order.
 */
export function lockedIds(schemaName: string, model: Model, rowAlias: string, condition: Sql, lock: NodeLock): Sql {
  const id = sql.ident(rowAlias, columnName(idField(model)));
  return sql`SELECT ${id} AS id FROM ${table(schemaName, model)} AS ${sql.ident(rowAlias)} WHERE ${condition} ORDER BY ${id} ${LOCK_MODES[lock]}`;
}

/**
 * The nodes whose `field` equals one of `values`, locked in id order, each with the position
 * (`ord`, from 1) of the value that found it: several selectors resolved in one statement.
 */
export function lockedIdsByValues(schemaName: string, model: Model, field: ScalarField, values: readonly unknown[], lock: NodeLock): Sql {
  const id = sql.ident('x', columnName(idField(model)));
  return sql`SELECT ${id} AS id, v.ord AS ord FROM unnest(${arrayParameter(field, values)}) WITH ORDINALITY AS v(value, ord) JOIN ${table(schemaName, model)} AS x ON ${sql.ident('x', columnName(field))} = v.value ORDER BY ${id} ${LOCK_MODES[lock]} OF x`;
}

export function usesRelayIds(schema: SchemaModel): boolean {
  return schema.datamodelFormat === '1.0';
}
