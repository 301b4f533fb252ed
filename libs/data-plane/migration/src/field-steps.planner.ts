// Field steps (spec §5.1). Every field of a new model is created (CreateModel makes a table with
// the id column only); the fields of a deleted model are not deleted one by one, they go with its
// table; updates and deletes are looked at for models that exist on both sides.
//
// Hidden back-relation fields (`_MagicalBackRelation_*`, spec §3.3) are never planned: they have no
// column and only mirror a relation, which the relation steps handle. Hidden 1.0 system fields
// (`id`, `createdAt`, `updatedAt` not declared in a 1.0 datamodel, Appendix A) are not created
// either — they come with the model's table — but they can be updated (1.1 declares `createdAt`
// without `@createdAt`) and deleted (1.1 leaves it out), which the destructive checks must see. So
// the table of a new 1.0 model must get its system columns from the DDL of CreateModel.
import type { Field, Model } from '@refract/schema-model';
import { behaviourOf, column, describeBehaviour, fieldChanges, type FieldChange } from './field-changes.js';
import type { CreateField, DeleteField, UpdateField } from './migration-step.js';
import { predecessorModel, successorModel } from './model-steps.planner.js';
import { joinClauses, type PlanContext } from './plan.context.js';
import { sdlType } from './type-name.js';

const isBackRelation = (field: Field) => field.kind === 'relation' && field.isHidden;

/** The field of the previous model that `next` (of the next model) continues, if any. */
export function predecessorField(context: PlanContext, previousModel: Model, nextModel: Model, next: Field): Field | undefined {
  const name = context.renames.previousField(nextModel.name, next.name);
  return previousModel.fields.find((f) => f.name === name);
}

export function planCreateFields(context: PlanContext): CreateField[] {
  return context.next.models.flatMap((model) => {
    const previous = predecessorModel(context, model);
    return model.fields
      .filter((field) => !field.isHidden && !(previous && predecessorField(context, previous, model, field)))
      .map((field): CreateField => ({
        type: 'CreateField',
        model: model.name,
        name: field.name,
        reason: previous
          ? `The field \`${model.name}.${field.name}\` is new.`
          : `The field \`${model.name}.${field.name}\` belongs to the new model \`${model.name}\`.`,
      }));
  });
}

export function planDeleteFields(context: PlanContext): DeleteField[] {
  return context.previous.models.flatMap((model) => {
    const next = successorModel(context, model);
    if (!next) return [];
    return model.fields
      .filter((field) => !isBackRelation(field))
      .filter((field) => !next.fields.some((f) => f.name === context.renames.nextField(model.name, field.name)))
      .map((field): DeleteField => ({
        type: 'DeleteField',
        model: model.name,
        name: field.name,
        reason: `The field \`${model.name}.${field.name}\` is no longer in the datamodel.`,
      }));
  });
}

export function planUpdateFields(context: PlanContext): UpdateField[] {
  return context.next.models.flatMap((model) => {
    const previousModel = predecessorModel(context, model);
    if (!previousModel) return [];
    return model.fields.flatMap((next): UpdateField[] => {
      if (isBackRelation(next)) return [];
      const previous = predecessorField(context, previousModel, model, next);
      if (!previous) return [];
      const changes = fieldChanges(previous, next);
      if (changes.length === 0) return [];
      return [
        {
          type: 'UpdateField',
          model: previousModel.name,
          newModel: model.name,
          name: previous.name,
          newName: previous.name === next.name ? null : next.name,
          reason: `The field \`${previousModel.name}.${previous.name}\` ${joinClauses(clauses(changes, previous, next))}.`,
        },
      ];
    });
  });
}

function clauses(changes: readonly FieldChange[], previous: Field, next: Field): string[] {
  // A scalar becoming a list (or back) gains (or loses) `@scalarList` with it: one change to a reader.
  const implied = (change: FieldChange) =>
    change === 'behaviour' &&
    changes.includes('list') &&
    [behaviourOf(previous), behaviourOf(next)].every((b) => b === null || b.kind === 'scalarList');
  return changes.filter((change) => !implied(change)).map((change) => clause(change, previous, next));
}

function clause(change: FieldChange, previous: Field, next: Field): string {
  switch (change) {
    case 'name':
      return `was renamed to \`${next.name}\``;
    case 'type':
      return `changed its type from \`${sdlType(previous)}\` to \`${sdlType(next)}\``;
    case 'unique':
      return next.kind === 'scalar' && next.isUnique ? 'became unique' : 'is no longer unique';
    case 'required':
      return next.isRequired ? 'changed from optional to required' : 'changed from required to optional';
    case 'list':
      return next.isList ? 'became a list' : 'is no longer a list';
    case 'column':
      return `changed its column from \`${column(previous) ?? '(none)'}\` to \`${column(next) ?? '(none)'}\``;
    case 'behaviour':
      return `changed its behaviour from ${describeBehaviour(behaviourOf(previous))} to ${describeBehaviour(behaviourOf(next))}`;
  }
}
