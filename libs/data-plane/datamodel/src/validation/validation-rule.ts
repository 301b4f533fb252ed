import type { DatamodelFormat } from '@refract/schema-model';
import type { DatamodelDocument, SourcePosition } from '../document/document.model.js';
import type { DatamodelError } from '../errors/datamodel-error.js';

/** What the target database can store; Prisma 1's validator is driven by the same capabilities. */
export interface ConnectorCapabilities {
  readonly embeddedTypes: boolean;
  readonly relationTables: boolean;
}

/** PostgreSQL, our only connector: no embedded types, `@relationTable` supported. */
export const POSTGRES_CAPABILITIES: ConnectorCapabilities = { embeddedTypes: false, relationTables: true };

export interface Problem {
  readonly type: string;
  readonly field?: string | null;
  readonly description: string;
  readonly position?: SourcePosition | null;
}

export interface RuleContext {
  readonly doc: DatamodelDocument;
  readonly format: DatamodelFormat;
  readonly capabilities: ConnectorCapabilities;
  report(problem: Problem): void;
  warn(problem: Problem): void;
}

/**
 * One validation rule (one per file, STYLE.md 11). `syntax` rules always run; `semantic` rules run
 * only when no syntax rule failed, as in Prisma 1 (spec §2.9), because they assume a well-formed
 * document (every referenced type exists, directives are well-typed, …).
 */
export interface ValidationRule {
  readonly name: string;
  readonly formats: readonly DatamodelFormat[];
  readonly phase: 'syntax' | 'semantic';
  check(context: RuleContext): void;
}

export type { DatamodelError };
