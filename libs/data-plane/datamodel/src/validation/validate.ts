// Stage 2: document -> errors and warnings with the exact messages of spec §2.10 (1.1) and of
// Prisma 1.30's legacy validator (1.0, Appendix A).
import type { DatamodelFormat } from '@refract/schema-model';
import type { DatamodelDocument } from '../document/document.model.js';
import { GLOBAL, type DatamodelError, type DatamodelWarning } from '../errors/datamodel-error.js';
import { ALL_RULES } from './rules/index.js';
import { POSTGRES_CAPABILITIES, type ConnectorCapabilities, type Problem, type ValidationRule } from './validation-rule.js';

export interface ValidationResult {
  readonly errors: readonly DatamodelError[];
  readonly warnings: readonly DatamodelWarning[];
}

export interface ValidateOptions {
  readonly capabilities?: ConnectorCapabilities;
  /** Only for tests of a single rule. */
  readonly rules?: readonly ValidationRule[];
}

export function validateDocument(
  doc: DatamodelDocument,
  format: DatamodelFormat,
  options: ValidateOptions = {},
): ValidationResult {
  const rules = (options.rules ?? ALL_RULES).filter((r) => r.formats.includes(format));
  const capabilities = options.capabilities ?? POSTGRES_CAPABILITIES;
  const errors: DatamodelError[] = [];
  const warnings: DatamodelWarning[] = [];
  const crashes: DatamodelError[] = [];
  const toError = (p: Problem): DatamodelError => ({
    type: p.type,
    field: p.field ?? null,
    description: p.description,
    position: p.position ?? null,
  });
  const context = {
    doc,
    format,
    capabilities,
    report: (p: Problem) => errors.push(toError(p)),
    warn: (p: Problem) => warnings.push(toError(p)),
  };
  const run = (rule: ValidationRule) => {
    try {
      rule.check(context);
    } catch (error) {
      // Prisma 1 reports a crashed validator only when nothing else is wrong (spec §2.10 "Other").
      crashes.push({ type: GLOBAL, field: null, description: `An unknown error happened: ${String(error)}`, position: null });
    }
  };
  rules.filter((r) => r.phase === 'syntax').forEach(run);
  if (errors.length === 0) rules.filter((r) => r.phase === 'semantic').forEach(run);
  return { errors: dedupe(errors.length > 0 ? errors : crashes), warnings: dedupe(warnings) };
}

function dedupe<T extends DatamodelError>(problems: T[]): T[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.type}\u0000${p.field}\u0000${p.description}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
