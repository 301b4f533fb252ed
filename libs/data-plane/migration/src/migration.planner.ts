// Stage 4 of the pipeline: previous schema + next schema + renames -> migration steps (spec §5.1).
// Pure: no I/O; the same input gives the same steps.
//
// The steps run in this order (STEP_ORDER), which is Prisma 1's:
//   DeleteRelation, DeleteField, DeleteModel, DeleteEnum,
//   UpdateEnum, UpdateField, UpdateModel, UpdateRelation,
//   CreateEnum, CreateModel, CreateField, CreateRelation  (then UpdateSecrets, appended by deploy).
// Why: every step can then be applied to the database by looking at one schema only. Deletes and
// updates run while the tables still have their previous names, so they address the previous
// schema (a field update of a renamed model names the old table — UpdateModel renames it only
// afterwards); creates run last, against the next schema, when the tables they add columns or links
// to exist under their new names. Relations are dropped first, before the columns and tables they
// reference go, and created last, after both of their models exist. Within a kind, steps follow the
// order of the models, fields, enums and relations in the schema they are read from.
import type { Renames, SchemaModel } from '@refract/schema-model';
import { planCreateEnums, planDeleteEnums, planUpdateEnums } from './enum-steps.planner.js';
import { planCreateFields, planDeleteFields, planUpdateFields } from './field-steps.planner.js';
import { STEP_ORDER, type MigrationStep } from './migration-step.js';
import { planCreateModels, planDeleteModels, planUpdateModels } from './model-steps.planner.js';
import { planContext } from './plan.context.js';
import { planCreateRelations, planDeleteRelations, planUpdateRelations } from './relation-steps.planner.js';


export interface MigrationPlan {
  readonly steps: readonly MigrationStep[];
}

/**
 * The steps that turn `previous` (null for a project never deployed) into `next`.
 * Throws MigrationError 3018 when relations cannot be matched unambiguously.
 */
export function planMigration(previous: SchemaModel | null, next: SchemaModel, renames: Renames): MigrationPlan {
  const context = planContext(previous, next, renames);
  // Relation deletes are planned first: like Prisma, their ambiguity (3018) is reported before that
  // of relation creates.
  const deleteRelations = planDeleteRelations(context);
  const steps: MigrationStep[] = [
    ...deleteRelations,
    ...planDeleteFields(context),
    ...planDeleteModels(context),
    ...planDeleteEnums(context),
    ...planUpdateEnums(context),
    ...planUpdateFields(context),
    ...planUpdateModels(context),
    ...planUpdateRelations(context, deleteRelations),
    ...planCreateEnums(context),
    ...planCreateModels(context),
    ...planCreateFields(context),
    ...planCreateRelations(context),
  ];
  return { steps: orderSteps(steps) };
}

/** Steps in STEP_ORDER, keeping the order within each kind (for plans assembled elsewhere, e.g. with UpdateSecrets). */
export function orderSteps(steps: readonly MigrationStep[]): MigrationStep[] {
  const rank = (step: MigrationStep) => STEP_ORDER.indexOf(step.type);
  return [...steps].sort((a, b) => rank(a) - rank(b));
}
