import type { SourcePosition } from '../document/document.model.js';

/**
 * One problem in a datamodel, shaped like Prisma 1's `SchemaError {type, field, description}`
 * (spec §2.9) plus where it is in the source. `type` is the model or enum name, or `Global`.
 */
export interface DatamodelError {
  readonly type: string;
  readonly field: string | null;
  readonly description: string;
  readonly position: SourcePosition | null;
}

/** Same shape as an error; a warning needs `force` to deploy (spec §2.10, §5.4). */
export type DatamodelWarning = DatamodelError;

export const GLOBAL = 'Global';

/**
 * Thrown by inference for the problems Prisma 1 reports as top-level management errors rather than
 * entries in `errors[]` (spec §2.10: 4004 RelationNameNeeded, 3018 UpdatedRelationAmbiguous).
 */
export class DatamodelInferenceError extends Error {
  override readonly name = 'DatamodelInferenceError';
  constructor(
    readonly code: 4004 | 3018,
    message: string,
  ) {
    super(message);
  }
}
