// The exact wording of Prisma 1's deploy warnings and errors about existing data (spec §5.4;
// `DeployWarnings`/`DeployErrors` and `DestructiveChanges.scala`). Clients match on some of these
// texts, so they are kept verbatim, including Prisma's grammar slips and the missing space in
// "constraint.The fields".

/** A deploy warning or error: `type` is a model, relation or `Global`. */
export interface SchemaProblem {
  readonly type: string;
  readonly field: string | null;
  readonly description: string;
}

export const GLOBAL = 'Global';

const problem = (type: string, field: string | null, description: string): SchemaProblem => ({ type, field, description });

export const dataLossModel = (model: string) =>
  problem(model, null, 'You already have nodes for this model. This change will result in data loss.');

export const dataLossField = (model: string, field: string) =>
  problem(model, field, 'You already have nodes for this model. This change may result in data loss.');

export const dataLossRelation = (relation: string) =>
  problem(relation, null, 'You already have nodes for this relation. This change will result in data loss.');

export const migrationValueOnExistingField = (model: string, field: string, value: string) =>
  problem(model, field, `You are changing the type of a required field. The fields will be pre-filled with the value: \`${value}\`.`);

export const migrationValueOnNewField = (model: string, field: string, value: string) =>
  problem(
    model,
    field,
    'You are creating a required field but there are already nodes present that would violate that constraint.' +
      `The fields will be pre-filled with the value \`${value}\`.`,
  );

export const creatingUniqueRequiredField = (model: string, field: string) =>
  problem(
    model,
    field,
    `You are creating a new required unique field \`${field}\`. There are already nodes for the model \`${model}\` that would violate that constraint.`,
  );

export const updatingUniqueRequiredField = (model: string, field: string) =>
  problem(
    model,
    field,
    `You are updating the field \`${field}\` to be required and unique. But there are already nodes for the model \`${model}\` that would violate that constraint.`,
  );

export const makingFieldRequired = (model: string, field: string) =>
  problem(
    model,
    field,
    `You are updating the field \`${field}\` to be required. But there are already nodes for the model \`${model}\` that would violate that constraint.`,
  );

export const makingFieldUnique = (model: string, field: string) =>
  problem(
    model,
    field,
    `You are updating the field \`${field}\` to be unique. But there are already nodes for the model \`${model}\` that would violate that constraint.`,
  );

/** `deleteMany<X>s` is the model name plus "s", not its plural: Prisma's text. */
export const changingTypeOfIdField = (model: string, field: string) =>
  problem(
    model,
    field,
    `You are changing the type of the id field \`${field}\`. But there are already nodes for this model. This would require to regenerate IDs for all nodes which is not possible. You have to remove all nodes for this type by either running \`prisma reset\` or through a \`deleteMany${model}s\` mutation.`,
  );

export const singularBackRelation = (model: string, field: string) =>
  problem(
    model,
    field,
    'You are adding a singular backrelation field to a type but there are already pairs in the relation that would violate that constraint.',
  );

export const requiredRelation = (model: string) =>
  problem(model, null, 'You are creating a required relation, but there are already nodes that would violate that constraint.');

export const enumValueInUse = (enumName: string, value: string) =>
  problem(GLOBAL, null, `You are deleting the value '${value}' of the enum '${enumName}', but that value is in use.`);

export const linkTableIdAdded = (relation: string, idColumn: string) =>
  problem(relation, idColumn, 'Adding an id field to an existing link table is forbidden.');

type TimestampField = 'createdAt' | 'updatedAt';
const TRACKS: Record<TimestampField, string> = { createdAt: 'created', updatedAt: 'updated' };

export const timestampDirectiveMissing = (model: string, field: TimestampField) =>
  problem(
    model,
    field,
    `You are adding the field \`${field}\` but is missing the directive \`@${field}\`. Please specify the field as \`${field}: DateTime! @${field}\` if you want to track the times for when a record was ${TRACKS[field]}. Or deploy with \`--force\` to ignore this.`,
  );

export const timestampDirectiveMissingOnUpgrade = (model: string, field: TimestampField) =>
  problem(
    model,
    field,
    `You are migrating to the new datamodel with the field \`${field}\` but is missing the directive \`@${field}\`. Please specify the field as \`${field}: DateTime! @${field}\` to keep its original behaviour.`,
  );

export const timestampRemovedOnUpgrade = (model: string, field: TimestampField) =>
  problem(
    model,
    field,
    `You are removing the field \`${field}\` while migrating to the new datamodel. Add the field \`${field}: DateTime! @${field}\` explicitly to your model to keep this functionality.`,
  );
