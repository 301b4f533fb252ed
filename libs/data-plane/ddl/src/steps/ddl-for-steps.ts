// Stage 5 of the engine (ARCHITECTURE.md §2): migration steps → the statements that give the
// project schema the layout of spec §4. Pure: names and both schema models in, statements out.
import { STEP_ORDER, type MigrationStep } from '@refract/migration';
import type { SchemaModel } from '@refract/schema-model';
import type { Sql } from '@refract/sql';
import { DdlError } from '../ddl.error.js';
import { createRelayIdTable } from '../relay-id.ddl.js';
import { createField, deleteField, updateField } from './field.step.js';
import { createModel, deleteModel, updateModel } from './model.step.js';
import { createRelation, deleteRelation, updateRelation } from './relation.step.js';
import { StepContext, type DdlOptions } from './step-context.js';

/**
 * The statements for `steps`, in step order, for the project schema `schemaName`. `previous` is the
 * schema the database has now (null for a new project), `next` the one it gets. The steps must be
 * in `STEP_ORDER` (the planner's order): each step's statements assume the ones before it ran.
 * The statements are meant to run in one transaction. Throws {@link DdlError}.
 */
export function ddlForSteps(
  schemaName: string,
  previous: SchemaModel | null,
  next: SchemaModel,
  steps: readonly MigrationStep[],
  options: DdlOptions = {},
): Sql[] {
  assertStepOrder(steps);
  const statements: Sql[] = [];
  // A 1.0 project gets its `_RelayId` table with its first migration (Appendix A).
  if (next.datamodelFormat === '1.0' && (previous === null || previous.models.length === 0)) {
    statements.push(createRelayIdTable(schemaName));
  }
  steps.forEach((step, position) => {
    statements.push(...ddlForStep(new StepContext(schemaName, previous, next, steps, position, options), step));
  });
  return statements;
}

function ddlForStep(ctx: StepContext, step: MigrationStep): Sql[] {
  switch (step.type) {
    case 'CreateModel':
      return createModel(ctx, step);
    case 'DeleteModel':
      return deleteModel(ctx, step);
    case 'UpdateModel':
      return updateModel(ctx, step);
    case 'CreateField':
      return createField(ctx, step);
    case 'DeleteField':
      return deleteField(ctx, step);
    case 'UpdateField':
      return updateField(ctx, step);
    case 'CreateRelation':
      return createRelation(ctx, step);
    case 'DeleteRelation':
      return deleteRelation(ctx, step);
    case 'UpdateRelation':
      return updateRelation(ctx, step);
    // Enums are stored as text and checked by the API; secrets live in the management data.
    case 'CreateEnum':
    case 'DeleteEnum':
    case 'UpdateEnum':
    case 'UpdateSecrets':
      return [];
  }
}

function assertStepOrder(steps: readonly MigrationStep[]): void {
  let rank = 0;
  steps.forEach((step, position) => {
    const stepRank = STEP_ORDER.indexOf(step.type);
    if (stepRank < rank) {
      throw new DdlError(
        'STEPS_OUT_OF_ORDER',
        `Step #${position + 1} (${step.type}) comes after a ${STEP_ORDER[rank]} step; steps must follow STEP_ORDER (spec §5.1).`,
      );
    }
    rank = stepRank;
  });
}
