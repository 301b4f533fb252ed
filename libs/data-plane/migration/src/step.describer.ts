// The management API's view of a step (spec §12.1/§12.2): the step's names plus details read from
// the schemas on either side of it. Field names and renderings follow Prisma 1's
// `MigrationStepType.scala`, since the CLI prints them as they come — including the Scala
// `Option.toString` in CreateField.default ("None", "Some(BooleanGCValue(false))"), while
// UpdateField.default, a changed Option[String], is the bare "BooleanGCValue(false)" or null.
import {
  findField,
  getModel,
  getRelation,
  type DefaultValue,
  type Field,
  type RelationManifestation,
  type SchemaModel,
} from '@refract/schema-model';
import { renderGcValue, renderOptionalGcValue } from './gc-value.render.js';
import type { MigrationStep, UpdateField } from './migration-step.js';
import { emptySchema } from './plan.context.js';
import { userFriendlyTypeName } from './type-name.js';

export type ManifestationDetails =
  | {
      readonly type: 'LinkTable';
      readonly table: string;
      readonly modelAColumn: string;
      readonly modelBColumn: string;
      readonly idColumn: string | null;
    }
  | { readonly type: 'Inline'; readonly model: string; readonly column: string };

/** The fields of each management step type; in UpdateX types null means "unchanged". */
export interface StepDetailsByType {
  CreateModel: { readonly type: 'CreateModel'; readonly name: string };
  DeleteModel: { readonly type: 'DeleteModel'; readonly name: string };
  /** Refract has no embedded types, so `isEmbedded` never changes. */
  UpdateModel: { readonly type: 'UpdateModel'; readonly name: string; readonly newName: string; readonly isEmbedded: boolean | null };
  CreateEnum: { readonly type: 'CreateEnum'; readonly name: string; readonly values: readonly string[] };
  DeleteEnum: { readonly type: 'DeleteEnum'; readonly name: string };
  UpdateEnum: {
    readonly type: 'UpdateEnum';
    readonly name: string;
    readonly newName: string | null;
    readonly values: readonly string[] | null;
  };
  CreateField: {
    readonly type: 'CreateField';
    readonly model: string;
    readonly name: string;
    readonly typeName: string;
    readonly isRequired: boolean;
    readonly isList: boolean;
    readonly unique: boolean;
    readonly enum: string | null;
    readonly default: string;
    readonly relation: string | null;
  };
  DeleteField: { readonly type: 'DeleteField'; readonly model: string; readonly name: string };
  UpdateField: {
    readonly type: 'UpdateField';
    readonly model: string;
    readonly name: string;
    readonly newName: string | null;
    readonly typeName: string | null;
    readonly isRequired: boolean | null;
    readonly isList: boolean | null;
    readonly unique: boolean | null;
    readonly enum: string | null;
    readonly default: string | null;
    readonly relation: string | null;
  };
  CreateRelation: {
    readonly type: 'CreateRelation';
    readonly name: string;
    readonly leftModel: string;
    readonly rightModel: string;
    readonly after: ManifestationDetails;
  };
  UpdateRelation: {
    readonly type: 'UpdateRelation';
    readonly name: string;
    readonly newName: string | null;
    readonly before: ManifestationDetails;
    readonly after: ManifestationDetails;
  };
  DeleteRelation: { readonly type: 'DeleteRelation'; readonly name: string };
  UpdateSecrets: { readonly type: 'UpdateSecrets'; readonly message: string };
}

export type StepDetails = StepDetailsByType[keyof StepDetailsByType];

/** The management API fields of `step`, planned from `previous` (null: never deployed) to `next`. */
export function describeStep<S extends MigrationStep>(
  step: S,
  previous: SchemaModel | null,
  next: SchemaModel,
): StepDetailsByType[S['type']] {
  return details(step, previous ?? emptySchema(next), next) as StepDetailsByType[S['type']];
}

function details(step: MigrationStep, previous: SchemaModel, next: SchemaModel): StepDetails {
  switch (step.type) {
    case 'CreateModel':
    case 'DeleteModel':
    case 'DeleteEnum':
    case 'DeleteRelation':
      return { type: step.type, name: step.name };
    case 'UpdateModel':
      return { type: step.type, name: step.name, newName: step.newName, isEmbedded: null };
    case 'CreateEnum':
      return { type: step.type, name: step.name, values: step.values };
    case 'UpdateEnum':
      return { type: step.type, name: step.name, newName: step.newName, values: step.values };
    case 'CreateField': {
      const field = fieldOf(next, step.model, step.name);
      return {
        type: step.type,
        model: step.model,
        name: step.name,
        typeName: userFriendlyTypeName(field),
        isRequired: field.isRequired,
        isList: field.isList,
        unique: field.kind === 'scalar' && field.isUnique,
        enum: enumOf(field),
        default: renderOptionalGcValue(defaultOf(field)),
        relation: field.kind === 'relation' ? field.relationName : null,
      };
    }
    case 'DeleteField':
      return { type: step.type, model: step.model, name: step.name };
    case 'UpdateField':
      return updateField(step, previous, next);
    case 'CreateRelation': {
      const relation = getRelation(next, step.name);
      return {
        type: step.type,
        name: step.name,
        leftModel: relation.modelA,
        rightModel: relation.modelB,
        after: manifestation(relation.manifestation),
      };
    }
    case 'UpdateRelation':
      return {
        type: step.type,
        name: step.name,
        newName: step.newName,
        before: manifestation(getRelation(previous, step.name).manifestation),
        after: manifestation(getRelation(next, step.newName ?? step.name).manifestation),
      };
    case 'UpdateSecrets':
      return { type: step.type, message: 'Secrets have been updated.' };
  }
}

function updateField(step: UpdateField, previous: SchemaModel, next: SchemaModel): StepDetailsByType['UpdateField'] {
  const before = fieldOf(previous, step.model, step.name);
  const after = fieldOf(next, step.newModel, step.newName ?? step.name);
  // Prisma's `diff`: the new value when it differs, else nothing. A value that became absent is
  // also nothing on the wire (the API cannot tell "removed" from "unchanged").
  const diff = <T>(of: (f: Field) => T): T | null => {
    const [a, b] = [of(before), of(after)];
    return a === b ? null : b;
  };
  const renderedDefault = (f: Field) => {
    const value = defaultOf(f);
    return value === null ? null : renderGcValue(value);
  };
  return {
    type: step.type,
    model: step.model,
    name: step.name,
    newName: step.newName,
    typeName: diff(userFriendlyTypeName),
    isRequired: diff((f) => f.isRequired),
    isList: diff((f) => f.isList),
    unique: diff((f) => f.kind === 'scalar' && f.isUnique),
    enum: diff(enumOf),
    default: diff(renderedDefault),
    relation: diff((f) => (f.kind === 'relation' ? f.relationName : null)),
  };
}

function fieldOf(schema: SchemaModel, model: string, name: string): Field {
  const field = findField(getModel(schema, model), name);
  if (!field) throw new Error(`The schema has no field \`${model}.${name}\`.`);
  return field;
}

const enumOf = (field: Field): string | null => (field.kind === 'scalar' ? field.enum : null);
const defaultOf = (field: Field): DefaultValue | null => (field.kind === 'scalar' ? field.defaultValue : null);

function manifestation(value: RelationManifestation): ManifestationDetails {
  return value.kind === 'table'
    ? { type: 'LinkTable', table: value.table, modelAColumn: value.modelAColumn, modelBColumn: value.modelBColumn, idColumn: value.idColumn }
    : { type: 'Inline', model: value.inTableOfModel, column: value.referencingColumn };
}
