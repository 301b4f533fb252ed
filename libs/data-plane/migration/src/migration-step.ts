/**
 * Migration steps (spec §5.1): serialisable data naming what changes between two schema models,
 * each with the reason it was inferred. Steps carry names only; the DDL stage and the management
 * API read the details (types, columns, manifestations) from the previous and next schema models.
 * The `type` values and fields mirror the management API's step types (spec §12.1).
 */

interface StepBase {
  /** Why the planner emitted this step, in words a user can read in a dry run. */
  readonly reason: string;
}

export interface CreateModel extends StepBase { readonly type: 'CreateModel'; readonly name: string }
export interface DeleteModel extends StepBase { readonly type: 'DeleteModel'; readonly name: string }
/** `name` is the previous name, `newName` the next one (equal when only the model's contents changed). */
export interface UpdateModel extends StepBase { readonly type: 'UpdateModel'; readonly name: string; readonly newName: string }

export interface CreateEnum extends StepBase { readonly type: 'CreateEnum'; readonly name: string; readonly values: readonly string[] }
export interface DeleteEnum extends StepBase { readonly type: 'DeleteEnum'; readonly name: string }
/** `newName`/`values` are null when unchanged. */
export interface UpdateEnum extends StepBase {
  readonly type: 'UpdateEnum';
  readonly name: string;
  readonly newName: string | null;
  readonly values: readonly string[] | null;
}

/** `model` and `name` are names in the next schema. */
export interface CreateField extends StepBase { readonly type: 'CreateField'; readonly model: string; readonly name: string }
/** `model` and `name` are names in the previous schema. */
export interface DeleteField extends StepBase { readonly type: 'DeleteField'; readonly model: string; readonly name: string }
/** `model`/`name` in the previous schema, `newModel`/`newName` in the next (`newName` null when unchanged). */
export interface UpdateField extends StepBase {
  readonly type: 'UpdateField';
  readonly model: string;
  readonly newModel: string;
  readonly name: string;
  readonly newName: string | null;
}

/** `name` is the relation's name in the next schema. */
export interface CreateRelation extends StepBase { readonly type: 'CreateRelation'; readonly name: string }
/** `name` is the relation's name in the previous schema. */
export interface DeleteRelation extends StepBase { readonly type: 'DeleteRelation'; readonly name: string }
/** `name` in the previous schema, `newName` in the next (null when unchanged). */
export interface UpdateRelation extends StepBase {
  readonly type: 'UpdateRelation';
  readonly name: string;
  readonly newName: string | null;
}

/** Appended by deploy when the service secrets change; no DDL. */
export interface UpdateSecrets extends StepBase { readonly type: 'UpdateSecrets'; readonly secrets: readonly string[] }

export type MigrationStep =
  | CreateModel
  | DeleteModel
  | UpdateModel
  | CreateEnum
  | DeleteEnum
  | UpdateEnum
  | CreateField
  | DeleteField
  | UpdateField
  | CreateRelation
  | DeleteRelation
  | UpdateRelation
  | UpdateSecrets;

export type MigrationStepType = MigrationStep['type'];

/** The order in which inferred steps are applied (spec §5.1). */
export const STEP_ORDER: readonly MigrationStepType[] = [
  'DeleteRelation',
  'DeleteField',
  'DeleteModel',
  'DeleteEnum',
  'UpdateEnum',
  'UpdateField',
  'UpdateModel',
  'UpdateRelation',
  'CreateEnum',
  'CreateModel',
  'CreateField',
  'CreateRelation',
  'UpdateSecrets',
];
