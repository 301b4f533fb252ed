// Stage 4b: what a plan would do to the data already in the database (spec §5.4). Warnings need
// `--force`; errors cannot be forced. Each step is checked on its own, in plan order, asking the
// DataProbe only what the step's check needs; the answers are about the previous schema's tables.
//
// Where Prisma 1 (`DestructiveChanges.scala`) differs from what it evidently meant, this follows
// the meaning and says so: the type of a field-change warning is the model, not the field name;
// list fields are never "pre-filled" or NULL-checked (they have no column); an inline relation
// moving to another table warns like a change of link kind (the DDL drops it); identical problems
// are reported once.
import {
  findEnum,
  findField,
  getModel,
  getRelation,
  relationFields,
  type Field,
  type RelationSide,
  type ScalarField,
  type SchemaModel,
} from '@refract/schema-model';
import { typeIdentifier } from './field-changes.js';
import type { DataProbe } from './data.probe.js';
import * as messages from './destructive.messages.js';
import type { SchemaProblem } from './destructive.messages.js';
import { renderValue } from './gc-value.render.js';
import type { MigrationPlan } from './migration.planner.js';
import { migrationValue } from './migration-value.js';
import type {
  CreateField,
  CreateRelation,
  DeleteField,
  DeleteModel,
  DeleteRelation,
  MigrationStep,
  UpdateEnum,
  UpdateField,
  UpdateRelation,
} from './migration-step.js';
import { emptySchema } from './plan.context.js';
import { StepNames } from './step-names.js';

export interface MigrationCheckResult {
  readonly warnings: readonly SchemaProblem[];
  readonly errors: readonly SchemaProblem[];
}

interface CheckContext {
  readonly previous: SchemaModel;
  readonly next: SchemaModel;
  readonly names: StepNames;
  readonly probe: DataProbe;
  /** A legacy (1.0) project deployed with a 1.1 datamodel for the first time. */
  readonly upgrading: boolean;
}

interface Found {
  readonly warnings: SchemaProblem[];
  readonly errors: SchemaProblem[];
}

const TIMESTAMP_FIELDS = ['createdAt', 'updatedAt'] as const;
type TimestampField = (typeof TIMESTAMP_FIELDS)[number];
const isTimestampName = (name: string): name is TimestampField => (TIMESTAMP_FIELDS as readonly string[]).includes(name);

/** Checks `plan` (from `previous` to `next`) against the data `probe` reports. */
export async function checkMigration(
  plan: MigrationPlan,
  previous: SchemaModel | null,
  next: SchemaModel,
  probe: DataProbe,
): Promise<MigrationCheckResult> {
  const before = previous ?? emptySchema(next);
  const context: CheckContext = {
    previous: before,
    next,
    names: new StepNames(plan.steps, before),
    probe,
    upgrading: previous?.datamodelFormat === '1.0' && next.datamodelFormat === '1.1',
  };
  const found: Found = { warnings: [], errors: [] };
  for (const step of plan.steps) await checkStep(context, step, found);
  if (context.upgrading) found.errors.push(...missingTimestampDirectives(next));
  return { warnings: unique(found.warnings), errors: unique(found.errors) };
}

async function checkStep(context: CheckContext, step: MigrationStep, found: Found): Promise<void> {
  switch (step.type) {
    case 'DeleteModel':
      return checkDeleteModel(context, step, found);
    case 'CreateField':
      return checkCreateField(context, step, found);
    case 'DeleteField':
      return checkDeleteField(context, step, found);
    case 'UpdateField':
      return checkUpdateField(context, step, found);
    case 'UpdateEnum':
      return checkUpdateEnum(context, step, found);
    case 'CreateRelation':
      return checkCreateRelation(context, step, found);
    case 'DeleteRelation':
      return checkDeleteRelation(context, step, found);
    case 'UpdateRelation':
      return checkUpdateRelation(context, step, found);
    // Creating a model or an enum touches no data; renaming a model keeps it; a deleted enum's
    // fields are checked by their own DeleteField/UpdateField; secrets are not data.
    case 'CreateModel':
    case 'UpdateModel':
    case 'CreateEnum':
    case 'DeleteEnum':
    case 'UpdateSecrets':
      return;
  }
}

async function checkDeleteModel({ probe }: CheckContext, step: DeleteModel, found: Found): Promise<void> {
  if (await probe.modelHasRows(step.name)) found.warnings.push(messages.dataLossModel(step.name));
}

async function checkCreateField(context: CheckContext, step: CreateField, found: Found): Promise<void> {
  const field = nextField(context, step.model, step.name);
  if (field.kind === 'scalar' && isTimestampName(field.name) && field.behaviour?.kind !== field.name) {
    // On the upgrade from 1.0 the stricter error below (missingTimestampDirectives) covers it.
    if (context.next.datamodelFormat === '1.1' && !context.upgrading) {
      found.warnings.push(messages.timestampDirectiveMissing(step.model, field.name));
    }
  }
  const existing = context.names.previousModel(step.model);
  if (!existing) return;
  if (field.kind === 'scalar' && field.isRequired && !field.isList && (await context.probe.modelHasRows(existing.name))) {
    if (field.isUnique) found.errors.push(messages.creatingUniqueRequiredField(step.model, field.name));
    else found.warnings.push(messages.migrationValueOnNewField(step.model, field.name, value(field, context.next)));
  }
  if (field.kind === 'relation' && !field.isList) {
    // A to-one field appears where the relation had only a hidden (list) back field: each node of
    // this side may have been connected to several.
    const relation = context.names.previousRelation(field.relationName);
    if (!relation) return;
    const side: RelationSide =
      relation.modelA === relation.modelB ? field.relationSide : relation.modelA === existing.name ? 'A' : 'B';
    if (await context.probe.relationHasDuplicates(relation.name, side)) {
      found.errors.push(messages.singularBackRelation(step.model, field.name));
    }
  }
}

async function checkDeleteField(context: CheckContext, step: DeleteField, found: Found): Promise<void> {
  const field = previousField(context, step.model, step.name);
  if (context.upgrading && isTimestampName(field.name)) {
    found.errors.push(messages.timestampRemovedOnUpgrade(step.model, field.name));
  }
  if (field.kind === 'scalar' && (await context.probe.modelHasRows(step.model))) {
    found.warnings.push(messages.dataLossField(step.model, step.name));
  }
}

async function checkUpdateField(context: CheckContext, step: UpdateField, found: Found): Promise<void> {
  const { probe } = context;
  const before = previousField(context, step.model, step.name);
  const after = nextField(context, step.newModel, step.newName ?? step.name);
  const typeChanges = typeIdentifier(before) !== typeIdentifier(after);
  const rowsLoseData = before.isList !== after.isList || typeChanges || before.kind !== after.kind;
  const becomesRequired = !before.isRequired && after.isRequired;
  const afterIsUnique = after.kind === 'scalar' && after.isUnique;
  const becomesUnique = before.kind === 'scalar' && !before.isUnique && afterIsUnique;

  if (rowsLoseData && (await probe.modelHasRows(step.model))) {
    // The column is dropped and created again (spec §5.2): values are lost, a required one is filled.
    found.warnings.push(messages.dataLossField(step.model, step.name));
    if (after.kind === 'scalar' && after.isRequired && !after.isList) {
      found.warnings.push(messages.migrationValueOnExistingField(step.model, step.name, value(after, context.next)));
    }
  }
  if (becomesRequired && !before.isList && !after.isList && (await probe.fieldHasNulls(step.model, step.name))) {
    if (afterIsUnique) found.errors.push(messages.updatingUniqueRequiredField(step.model, step.name));
    else if (after.kind === 'scalar') found.warnings.push(messages.migrationValueOnExistingField(step.model, step.name, value(after, context.next)));
    else found.errors.push(messages.makingFieldRequired(step.model, step.name));
  }
  if (becomesUnique && !before.isList && (await probe.fieldHasDuplicates(step.model, step.name))) {
    found.errors.push(messages.makingFieldUnique(step.model, step.name));
  }
  const idTypeChanges = before.kind === 'scalar' && after.kind === 'scalar' && before.isId && after.isId && typeChanges;
  if (idTypeChanges && (await probe.modelHasRows(step.model))) {
    found.errors.push(messages.changingTypeOfIdField(step.model, step.name));
  }
}

async function checkUpdateEnum(context: CheckContext, step: UpdateEnum, found: Found): Promise<void> {
  const before = findEnum(context.previous, step.name);
  const after = findEnum(context.next, step.newName ?? step.name);
  if (!before || !after) return;
  const removed = before.values.filter((v) => !after.values.includes(v));
  const users = context.previous.models.flatMap((model) =>
    model.fields.filter((f): f is ScalarField => f.kind === 'scalar' && f.enum === step.name).map((f) => [model.name, f.name] as const),
  );
  for (const enumValue of removed) {
    for (const [model, field] of users) {
      if (await context.probe.enumValueInUse(model, field, enumValue)) {
        found.errors.push(messages.enumValueInUse(step.name, enumValue));
        break;
      }
    }
  }
}

async function checkCreateRelation(context: CheckContext, step: CreateRelation, found: Found): Promise<void> {
  const relation = getRelation(context.next, step.name);
  const sides: [string, RelationSide][] = [
    [relation.modelA, 'A'],
    [relation.modelB, 'B'],
  ];
  for (const [modelName, side] of sides) {
    const field = relationFields(getModel(context.next, modelName)).find(
      (f) => f.relationName === relation.name && f.relationSide === side && !f.isHidden,
    );
    if (!field?.isRequired || field.isList) continue;
    const existing = context.names.previousModel(modelName);
    if (existing && (await context.probe.modelHasRows(existing.name))) found.errors.push(messages.requiredRelation(modelName));
  }
}

async function checkDeleteRelation({ probe }: CheckContext, step: DeleteRelation, found: Found): Promise<void> {
  if (await probe.relationHasRows(step.name)) found.warnings.push(messages.dataLossRelation(step.name));
}

async function checkUpdateRelation(context: CheckContext, step: UpdateRelation, found: Found): Promise<void> {
  const before = getRelation(context.previous, step.name).manifestation;
  const after = getRelation(context.next, step.newName ?? step.name).manifestation;
  if (before.kind === 'table' && after.kind === 'table') {
    if (before.idColumn === null && after.idColumn !== null) found.errors.push(messages.linkTableIdAdded(step.name, after.idColumn));
    return;
  }
  const moves =
    before.kind !== after.kind ||
    (before.kind === 'inline' && after.kind === 'inline' && context.names.nextModelName(before.inTableOfModel) !== after.inTableOfModel);
  if (moves && (await context.probe.relationHasRows(step.name))) found.warnings.push(messages.dataLossRelation(step.name));
}

/** On the upgrade from 1.0, `createdAt`/`updatedAt` lose their automatic values unless the directive is added. */
function missingTimestampDirectives(next: SchemaModel): SchemaProblem[] {
  return next.models.flatMap((model) =>
    model.fields.flatMap((field) =>
      field.kind === 'scalar' && isTimestampName(field.name) && field.behaviour?.kind !== field.name
        ? [messages.timestampDirectiveMissingOnUpgrade(model.name, field.name)]
        : [],
    ),
  );
}

function previousField(context: CheckContext, model: string, name: string): Field {
  const field = findField(getModel(context.previous, model), name);
  if (!field) throw new Error(`The previous schema has no field \`${model}.${name}\`.`);
  return field;
}

function nextField(context: CheckContext, model: string, name: string): Field {
  const field = findField(getModel(context.next, model), name);
  if (!field) throw new Error(`The next schema has no field \`${model}.${name}\`.`);
  return field;
}

const value = (field: ScalarField, schema: SchemaModel) => renderValue(migrationValue(field, schema));

function unique(problems: readonly SchemaProblem[]): SchemaProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify([p.type, p.field, p.description]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
