// Model steps (spec §5.1). A next model whose (renamed) predecessor exists is the same model;
// without one it is created; a previous model without successor is deleted.
//
// UpdateModel follows Prisma 1: it is emitted when the model's name changes, not when only its
// fields change (those are field steps). It is also emitted when only the table name (`@db`)
// changes, which Prisma 1 missed although its DDL for UpdateModel renames the table.
import { tableName, type Model } from '@refract/schema-model';
import type { CreateModel, DeleteModel, UpdateModel } from './migration-step.js';
import { joinClauses, type PlanContext } from './plan.context.js';

/** The model of the previous schema that `next` continues, if any. */
export function predecessorModel(context: PlanContext, next: Model): Model | undefined {
  const name = context.renames.previousModel(next.name);
  return context.previous.models.find((m) => m.name === name);
}

/** The model of the next schema that continues `previous`, if any. */
export function successorModel(context: PlanContext, previous: Model): Model | undefined {
  return context.next.models.find((m) => context.renames.previousModel(m.name) === previous.name);
}

export function planCreateModels(context: PlanContext): CreateModel[] {
  return context.next.models
    .filter((model) => !predecessorModel(context, model))
    .map((model) => ({ type: 'CreateModel', name: model.name, reason: `The model \`${model.name}\` is new.` }));
}

export function planDeleteModels(context: PlanContext): DeleteModel[] {
  return context.previous.models
    .filter((model) => !successorModel(context, model))
    .map((model) => ({
      type: 'DeleteModel',
      name: model.name,
      reason: `The model \`${model.name}\` is no longer in the datamodel.`,
    }));
}

export function planUpdateModels(context: PlanContext): UpdateModel[] {
  return context.next.models.flatMap((next): UpdateModel[] => {
    const previous = predecessorModel(context, next);
    if (!previous || (previous.name === next.name && tableName(previous) === tableName(next))) return [];
    const clauses: string[] = [];
    if (previous.name !== next.name) clauses.push(`was renamed to \`${next.name}\``);
    // Without `@db` on either side the table follows the name: the rename says it all.
    const explicitTable = previous.dbName !== null || next.dbName !== null;
    if (explicitTable && tableName(previous) !== tableName(next)) {
      clauses.push(`is now stored in the table \`${tableName(next)}\` instead of \`${tableName(previous)}\``);
    }
    return [
      {
        type: 'UpdateModel',
        name: previous.name,
        newName: next.name,
        reason: `The model \`${previous.name}\` ${joinClauses(clauses)}.`,
      },
    ];
  });
}
