// The one failure of planning that Prisma 1 reports as a top-level management error rather than as
// an entry of the deploy payload's `errors` (spec §10.3: 3018 UpdatedRelationAmbiguous).

export type MigrationErrorCode = 3018;

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A relation of the next schema has the generated name and is the only one between its models,
 * but the previous schema had several there: which one survived cannot be told.
 */
export function ambiguousRelation(modelA: string, modelB: string): MigrationError {
  return new MigrationError(
    3018,
    `There is a relation ambiguity during the migration. The ambiguity is on a relation between ${modelA} and ${modelB}. Please name relations or change the schema in steps.`,
  );
}

/**
 * A previous relation had the generated name and was the only one between its models, but the next
 * schema has several there: which one it became cannot be told.
 */
export function ambiguousUnnamedRelation(modelA: string, modelB: string): MigrationError {
  return new MigrationError(
    3018,
    `There is a relation ambiguity during the migration. Please first name the old relation on your schema. The ambiguity is on a relation between ${modelA} and ${modelB}. Please name relations or change the schema in steps.`,
  );
}
