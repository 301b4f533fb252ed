/**
 * Why the DDL stage refused to produce statements. Codes are the contract; messages may change.
 *
 * * `INVALID_PROJECT_NAME` — a service or stage name that cannot form a project schema name.
 * * `STEPS_OUT_OF_ORDER` — the steps are not in the order of `STEP_ORDER` (spec §5.1). The
 *   statements of one step assume that the steps before it in that order have run (e.g. field
 *   updates address a table by its previous name because model renames come later).
 * * `PREVIOUS_SCHEMA_REQUIRED` — a Delete/Update step was given without a previous schema.
 * * `UNKNOWN_NAME` — a step names a model, field or relation its schema does not have.
 * * `UNSUPPORTED_CHANGE` — a change Prisma 1 has no layout for (moving the id to another field).
 */
export type DdlErrorCode =
  | 'INVALID_PROJECT_NAME'
  | 'STEPS_OUT_OF_ORDER'
  | 'PREVIOUS_SCHEMA_REQUIRED'
  | 'UNKNOWN_NAME'
  | 'UNSUPPORTED_CHANGE';

export class DdlError extends Error {
  override readonly name = 'DdlError';
  constructor(
    readonly code: DdlErrorCode,
    message: string,
  ) {
    super(message);
  }
}
