// The datamodel front end in one call: parse -> detect format -> validate -> infer (stages 1–3 of
// ARCHITECTURE.md §2). Pure: no I/O, the same input gives the same result (given `newIdentifier`).
import type { DatamodelFormat, SchemaModel } from '@refract/schema-model';
import { GLOBAL, DatamodelInferenceError, type DatamodelError, type DatamodelWarning } from './errors/datamodel-error.js';
import { detectFormat, type FormatDecision } from './format/detect-format.js';
import { inferSchema, type InferOptions } from './infer/infer-schema.js';
import { inferRenames, type Renames } from './infer/renames.js';
import { DEFAULT_PARSE_LIMITS, parseDatamodel, type ParseLimits } from './parse/parse.js';
import { validateDocument } from './validation/validate.js';
import type { ConnectorCapabilities } from './validation/validation-rule.js';

export interface BuildOptions extends InferOptions {
  /** Forces a format instead of detecting it. */
  readonly format?: DatamodelFormat;
  readonly capabilities?: ConnectorCapabilities;
  readonly limits?: ParseLimits;
}

export type BuildResult =
  | {
      readonly ok: true;
      readonly format: FormatDecision;
      readonly schema: SchemaModel;
      readonly renames: Renames;
      readonly warnings: readonly DatamodelWarning[];
    }
  | {
      readonly ok: false;
      /** Null when the SDL did not parse. */
      readonly format: FormatDecision | null;
      readonly errors: readonly DatamodelError[];
      readonly warnings: readonly DatamodelWarning[];
      /** Set for the problems Prisma 1 reports as top-level management errors (4004). */
      readonly code?: 4004 | 3018;
    };

/** Spec §3.5: moving a legacy project to the 1.1 syntax must be confirmed with `--force`. */
export const LEGACY_MIGRATION_WARNING =
  'You are migrating from the old datamodel syntax to the new one. Make sure that you understand the listed changes because the semantics are different now. Then perform the deployment with the `--force` flag.';

export function buildSchema(sdl: string, options: BuildOptions = {}): BuildResult {
  const parsed = parseDatamodel(sdl, options.limits ?? DEFAULT_PARSE_LIMITS);
  if (!parsed.ok) return { ok: false, format: null, errors: parsed.errors, warnings: [] };
  const format: FormatDecision = options.format
    ? { format: options.format, reason: 'the format was given explicitly' }
    : detectFormat(parsed.document, options.previous?.datamodelFormat);
  const validation = validateDocument(parsed.document, format.format, options.capabilities ? { capabilities: options.capabilities } : {});
  const warnings = [...validation.warnings];
  if (options.previous?.datamodelFormat === '1.0' && format.format === '1.1') {
    warnings.push({ type: GLOBAL, field: null, description: LEGACY_MIGRATION_WARNING, position: null });
  }
  if (validation.errors.length > 0) return { ok: false, format, errors: validation.errors, warnings };
  try {
    const schema = inferSchema(parsed.document, format.format, options);
    return { ok: true, format, schema, renames: inferRenames(parsed.document), warnings };
  } catch (error) {
    if (!(error instanceof DatamodelInferenceError)) throw error;
    const problem: DatamodelError = { type: GLOBAL, field: null, description: error.message, position: null };
    return { ok: false, format, errors: [problem], warnings, code: error.code };
  }
}
