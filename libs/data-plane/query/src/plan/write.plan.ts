// The write plan (pipeline stage 7 for mutations): one mutation root field as a tree of node
// writes, its input already checked (spec §8.1 step 1) and its nested actions already in the order
// Prisma 1 runs them (spec §8.1: grouped by kind, then by relation field, then by list position).
// Plain data; the write executor turns it into statements.
import type { Model, RelationField, ScalarField } from '@refract/schema-model';
import type { Filter, UniqueWhere } from './read.plan.js';

/** One scalar column value, as GraphQL coerced it (Date for DateTime, parsed JSON for Json). */
export interface ScalarValue {
  readonly field: ScalarField;
  readonly value: unknown;
}

/** A scalar list replaced as a whole (`{set: [...]}`; `set: null` clears it). */
export interface ListValue {
  readonly field: ScalarField;
  readonly values: readonly unknown[];
}

export interface NodeData {
  readonly scalars: readonly ScalarValue[];
  readonly lists: readonly ListValue[];
}

export interface CreateNode {
  readonly model: Model;
  /** Every column of the new row except a database-generated Int id. */
  readonly data: NodeData;
  readonly nested: readonly NestedWrite[];
}

export interface UpdateNode {
  readonly model: Model;
  /** The given scalars, plus `@updatedAt` fields when at least one scalar or list is written. */
  readonly data: NodeData;
  readonly nested: readonly NestedWrite[];
}

/** Nested action kinds in Prisma 1's execution order (spec §8.1). */
export const NESTED_ORDER = ['create', 'update', 'upsert', 'delete', 'connect', 'set', 'disconnect', 'updateMany', 'deleteMany'] as const;
export type NestedKind = (typeof NESTED_ORDER)[number];

/** For to-one relation fields `where` is null: the action concerns the connected child. */
export type NestedAction =
  | { readonly kind: 'create'; readonly create: CreateNode }
  | { readonly kind: 'update'; readonly where: UniqueWhere | null; readonly update: UpdateNode }
  | { readonly kind: 'upsert'; readonly where: UniqueWhere | null; readonly update: UpdateNode; readonly create: CreateNode }
  | { readonly kind: 'delete'; readonly where: UniqueWhere | null }
  | { readonly kind: 'connect'; readonly where: UniqueWhere }
  | { readonly kind: 'set'; readonly wheres: readonly UniqueWhere[] }
  | { readonly kind: 'disconnect'; readonly where: UniqueWhere | null }
  | { readonly kind: 'updateMany'; readonly filter: Filter | null; readonly data: NodeData }
  | { readonly kind: 'deleteMany'; readonly filter: Filter | null };

export interface NestedWrite {
  /** The relation field on the parent the write goes through. */
  readonly field: RelationField;
  /** The model on the other side. */
  readonly model: Model;
  readonly action: NestedAction;
}

export type WritePlan =
  | { readonly kind: 'create'; readonly model: Model; readonly create: CreateNode }
  | { readonly kind: 'update'; readonly model: Model; readonly where: UniqueWhere; readonly update: UpdateNode }
  | { readonly kind: 'upsert'; readonly model: Model; readonly where: UniqueWhere; readonly update: UpdateNode; readonly create: CreateNode }
  | { readonly kind: 'delete'; readonly model: Model; readonly where: UniqueWhere }
  | { readonly kind: 'updateMany'; readonly model: Model; readonly filter: Filter | null; readonly data: NodeData }
  | { readonly kind: 'deleteMany'; readonly model: Model; readonly filter: Filter | null }
  | { readonly kind: 'executeRaw'; readonly query: string };
