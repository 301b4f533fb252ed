// Node elements → rows to insert, grouped per model in the order models first appear (spec §14.2).
// Every non-list scalar column is written: the value given, now for a missing or null
// `@createdAt`/`@updatedAt` field, else NULL (no `@default`s, as in Prisma). `createdAt`/`updatedAt`
// keys of a model without such a field are dropped. Rows with an unknown field or an invalid value
// are left out and reported with Prisma's messages.
import { findField, idField, scalarFields, type Model, type ScalarField, type SchemaModel } from '@refract/schema-model';
import type { SqlValue } from '@refract/sql';
import { elementIdentity } from './element.identity.js';
import { importMessages } from './import.messages.js';
import { readScalar, timestampValue, type ScalarInput } from './scalar.input.js';

export interface NodeRow {
  readonly id: string;
  /** One value per field of the insert, in its order. */
  readonly values: readonly SqlValue[];
}

export interface ModelInsert {
  readonly model: Model;
  /** The model's non-list scalar fields, the id among them. */
  readonly fields: readonly ScalarField[];
  readonly rows: NodeRow[];
}

const SYSTEM_TIMESTAMPS = new Set(['createdAt', 'updatedAt']);

/** The id as the id column takes it: cuids as given, UUIDs canonical; Int ids are not importable (spec §14.2). */
function readId(schema: SchemaModel, id: string, field: ScalarField): ScalarInput {
  return field.type === 'Int' ? { ok: false } : readScalar(schema, field, id);
}

function nodeRow(schema: SchemaModel, element: unknown, now: string, errors: string[]): { model: Model; row: NodeRow | null } {
  const { model, id, fields: given } = elementIdentity(schema, element);
  const values = new Map<ScalarField, SqlValue>();
  const problems: string[] = [];
  for (const [key, json] of Object.entries(given)) {
    const field = findField(model, key);
    if (!field) {
      if (!SYSTEM_TIMESTAMPS.has(key)) problems.push(importMessages.unknownField(model.name, id, key));
      continue;
    }
    if (field.kind !== 'scalar' || field.isList) {
      problems.push(importMessages.unknownField(model.name, id, key));
      continue;
    }
    // The `id` key names the node; a key that names the id field again adds nothing.
    if (field.isId || json === null) continue;
    const input = readScalar(schema, field, json);
    if (input.ok) values.set(field, input.value);
    else problems.push(importMessages.invalidValue(model.name, id, key));
  }
  const idInput = readId(schema, id, idField(model));
  if (!idInput.ok) problems.push(importMessages.invalidValue(model.name, id, 'id'));
  if (problems.length > 0 || !idInput.ok) {
    errors.push(...problems);
    return { model, row: null };
  }
  const row = scalarFields(model)
    .filter((field) => !field.isList)
    .map((field) => {
      if (field.isId) return idInput.value;
      const value = values.get(field);
      if (value !== undefined) return value;
      const stamped = field.behaviour?.kind === 'createdAt' || field.behaviour?.kind === 'updatedAt';
      return stamped ? now : null;
    });
  return { model, row: { id, values: row } };
}

export function nodeInserts(schema: SchemaModel, elements: readonly unknown[], now: Date): { inserts: ModelInsert[]; errors: string[] } {
  const byModel = new Map<Model, ModelInsert>();
  const errors: string[] = [];
  const stamp = timestampValue(now);
  for (const element of elements) {
    const { model, row } = nodeRow(schema, element, stamp, errors);
    let insert = byModel.get(model);
    if (!insert) {
      insert = { model, fields: scalarFields(model).filter((f) => !f.isList), rows: [] };
      byModel.set(model, insert);
    }
    if (row) insert.rows.push(row);
  }
  return { inserts: [...byModel.values()].filter((insert) => insert.rows.length > 0), errors };
}
