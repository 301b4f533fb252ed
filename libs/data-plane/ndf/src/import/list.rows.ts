// List elements → values to append, grouped per (model, list field) (spec §14.2). Each value gets
// its rank among the values this request appends to the same node's list (`ord`, from 1), so
// several elements for one node (a long list split over pages) append in order after the values
// the node already has.
import { findField, type Model, type ScalarField, type SchemaModel } from '@refract/schema-model';
import type { SqlValue } from '@refract/sql';
import { elementIdentity } from './element.identity.js';
import { importMessages } from './import.messages.js';
import { readScalar } from './scalar.input.js';

export interface ListRow {
  readonly nodeId: string;
  readonly ord: number;
  readonly value: SqlValue;
  /** The value as given, for error messages. */
  readonly given: unknown;
}

export interface ListAppend {
  readonly model: Model;
  readonly field: ScalarField;
  readonly rows: ListRow[];
}

/** The list's values for its column, or null when one of them is not a value of the field's type. */
function readList(schema: SchemaModel, field: ScalarField, json: unknown): SqlValue[] | null {
  if (!Array.isArray(json)) return null;
  const values: SqlValue[] = [];
  for (const item of json) {
    const input = item === null ? { ok: false as const } : readScalar(schema, field, item);
    if (!input.ok) return null;
    values.push(input.value);
  }
  return values;
}

export function listAppends(schema: SchemaModel, elements: readonly unknown[]): { appends: ListAppend[]; errors: string[] } {
  const appends = new Map<ScalarField, ListAppend>();
  const ranks = new Map<ScalarField, Map<string, number>>();
  const errors: string[] = [];
  for (const element of elements) {
    const { model, id, fields } = elementIdentity(schema, element);
    for (const [key, json] of Object.entries(fields)) {
      const field = findField(model, key);
      if (!field || field.kind !== 'scalar' || !field.isList) {
        errors.push(importMessages.unknownField(model.name, id, key));
        continue;
      }
      const values = readList(schema, field, json);
      if (values === null) {
        errors.push(importMessages.invalidValue(model.name, id, key));
        continue;
      }
      let append = appends.get(field);
      if (!append) {
        append = { model, field, rows: [] };
        appends.set(field, append);
      }
      const nodeRanks = ranks.get(field) ?? new Map<string, number>();
      ranks.set(field, nodeRanks);
      let rank = nodeRanks.get(id) ?? 0;
      values.forEach((value, i) => append.rows.push({ nodeId: id, ord: ++rank, value, given: (json as unknown[])[i] }));
      nodeRanks.set(id, rank);
    }
  }
  return { appends: [...appends.values()].filter((append) => append.rows.length > 0), errors };
}
