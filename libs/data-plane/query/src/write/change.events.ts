// The change events a mutation reports to subscriptions (spec §9.6): CREATED for every node a
// create or nested create makes (upsert's create branch included), UPDATED for every node an
// update, nested update or upsert's update branch writes, DELETED for the node of a top-level
// delete. Nothing for nested deletes, cascades, batch mutations, connect, disconnect or set.
// Events are collected only for models someone subscribes to, so a write nobody watches costs
// no extra statement.
import { idField, scalarFields, type Model, type SchemaModel } from '@refract/schema-model';
import type { Sql } from '@refract/sql';
import type { NodeData } from '../plan/write.plan.js';
import type { NodeSelection } from '../plan/read.plan.js';
import { compileRead } from '../sql/read.compiler.js';

export type ChangeKind = 'CREATED' | 'UPDATED' | 'DELETED';

export interface ChangeEvent {
  readonly model: string;
  readonly mutation: ChangeKind;
  /** The node's id as the API shows it (string, or number for Int ids). */
  readonly nodeId: unknown;
  /** UPDATED: the scalar and list fields written, `@updatedAt` included; else null. */
  readonly updatedFields: readonly string[] | null;
  /** UPDATED and DELETED: every scalar and list field of the node before the write, as JSON text. */
  readonly previousValues: string | null;
}

export interface ChangeRecorder {
  /** Whether anyone subscribes to changes of the model (events of others are not collected). */
  wants(model: string): boolean;
  readonly events: ChangeEvent[];
}

const selections = new WeakMap<Model, NodeSelection>();

/** Every visible scalar and list field: what `XPreviousValues` can show. */
function previousValuesSelection(model: Model): NodeSelection {
  let selection = selections.get(model);
  if (!selection) {
    selection = scalarFields(model)
      .filter((f) => !f.isHidden)
      .map((field) => ({ key: field.name, kind: field.isList ? ('scalarList' as const) : ('scalar' as const), field }));
    selections.set(model, selection);
  }
  return selection;
}

/** One statement returning the node's previous values as JSON text (`result`). */
export function previousValuesRead(schema: SchemaModel, schemaName: string, model: Model, nodeId: unknown): Sql {
  return compileRead({ kind: 'findUnique', model, where: { field: idField(model), value: nodeId }, selection: previousValuesSelection(model) }, { schema, schemaName });
}

/** The names `updatedFields` lists for an update's data (hidden 1.0 system fields left out). */
export function updatedFieldsOf(data: NodeData): string[] {
  return [...data.scalars, ...data.lists].filter((value) => !value.field.isHidden).map((value) => value.field.name);
}
