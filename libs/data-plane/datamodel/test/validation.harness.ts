// The one harness every validation test goes through (STYLE.md 11): SDL in, the errors and
// warnings of the whole validator out, so each rule is tested as users meet it.
import type { DatamodelFormat } from '@refract/schema-model';
import { expect } from 'vitest';
import { detectFormat } from '../src/format/detect-format.js';
import { parseDatamodel } from '../src/parse/parse.js';
import { validateDocument, type ValidationResult } from '../src/validation/validate.js';
import type { ConnectorCapabilities } from '../src/validation/validation-rule.js';
import type { DatamodelError } from '../src/errors/datamodel-error.js';

export interface HarnessOptions {
  readonly format?: DatamodelFormat;
  readonly capabilities?: ConnectorCapabilities;
}

export interface Expected {
  readonly type: string;
  readonly field?: string | null;
  readonly description: string;
  readonly line?: number;
  readonly column?: number;
}

export function validateSdl(sdl: string, options: HarnessOptions = {}): ValidationResult & { format: DatamodelFormat } {
  const parsed = parseDatamodel(sdl);
  if (!parsed.ok) return { format: options.format ?? '1.1', errors: parsed.errors, warnings: [] };
  const format = options.format ?? detectFormat(parsed.document).format;
  const capabilities = options.capabilities;
  return { format, ...validateDocument(parsed.document, format, capabilities ? { capabilities } : {}) };
}

function matches(actual: DatamodelError, expected: Expected): boolean {
  return (
    actual.type === expected.type &&
    (expected.field === undefined || actual.field === expected.field) &&
    actual.description === expected.description &&
    (expected.line === undefined || actual.position?.line === expected.line) &&
    (expected.column === undefined || actual.position?.column === expected.column)
  );
}

/** Asserts that validating `sdl` reports (at least) the expected error. */
export function expectError(sdl: string, expected: Expected, options: HarnessOptions = {}): void {
  const { errors } = validateSdl(sdl, options);
  expect(errors.some((e) => matches(e, expected)), `expected ${JSON.stringify(expected)} among ${JSON.stringify(errors, null, 2)}`).toBe(true);
}

/** Asserts that validating `sdl` reports exactly these errors, in any order. */
export function expectErrors(sdl: string, expected: readonly Expected[], options: HarnessOptions = {}): void {
  const { errors } = validateSdl(sdl, options);
  expect(errors.length, JSON.stringify(errors, null, 2)).toBe(expected.length);
  for (const e of expected) expectError(sdl, e, options);
}

export function expectWarning(sdl: string, expected: Expected, options: HarnessOptions = {}): void {
  const { warnings, errors } = validateSdl(sdl, options);
  expect(errors).toEqual([]);
  expect(warnings.some((w) => matches(w, expected)), JSON.stringify(warnings, null, 2)).toBe(true);
}

export function expectValid(sdl: string, options: HarnessOptions = {}): void {
  const { errors } = validateSdl(sdl, options);
  expect(errors).toEqual([]);
}
