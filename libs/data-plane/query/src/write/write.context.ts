// What the write executor runs on: the schema, the project's PostgreSQL schema, and a session
// (one transaction's connection, owned by the caller). Also the relation facts every write rule
// needs: which side is to-one and required, and how a node is named in Prisma's messages.
import { getRelation, idField, relatedField, type Model, type RelationField, type SchemaModel } from '@refract/schema-model';
import type { Sql } from '@refract/sql';
import type { NodeReference } from '../query.errors.js';
import type { UniqueWhere } from '../plan/read.plan.js';
import type { ChangeRecorder } from './change.events.js';

export type Row = Readonly<Record<string, unknown>>;

/**
 * Runs statements of one transaction. Rejects with the driver's error (SQLSTATE in `code`,
 * constraint name in `constraint`), which the executor turns into Prisma's codes.
 */
export interface WriteSession {
  rows(statement: Sql): Promise<readonly Row[]>;
}

export interface WriteContext {
  readonly schema: SchemaModel;
  readonly schemaName: string;
  readonly session: WriteSession;
  /** Collects change events for subscriptions; null when nobody listens. */
  readonly changes: ChangeRecorder | null;
}

/** A node the executor has in hand. */
export interface NodeTarget {
  readonly model: Model;
  readonly id: unknown;
}

/** Spec §8.7 notation: `1!` required to-one, `1` optional to-one, `n` list (a hidden back field is a list). */
export type Arity = '1!' | '1' | 'n';

export function arityOf(field: RelationField): Arity {
  if (field.isList || field.isHidden) return 'n';
  return field.isRequired ? '1!' : '1';
}

export function backArity(schema: SchemaModel, field: RelationField): Arity {
  return arityOf(relatedField(schema, field));
}

export function onDeleteOf(schema: SchemaModel, field: RelationField): 'CASCADE' | 'SET_NULL' {
  const relation = getRelation(schema, field.relationName);
  return field.relationSide === 'A' ? relation.modelAOnDelete : relation.modelBOnDelete;
}

/** A node as a 3041 message names it: by the selector the mutation gave, or by model alone. */
export function referenceOf(model: Model, where: UniqueWhere | null): NodeReference {
  return where === null ? { model: model.name } : { model: model.name, field: where.field.name, value: where.value };
}

/** A node as a 3041 message names it by its id. */
export function referenceById(model: Model, id: unknown): NodeReference {
  return { model: model.name, field: idField(model).name, value: id };
}
