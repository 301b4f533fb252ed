// Write fixtures: each case runs its steps (mutations, then reads that show what they left behind)
// against a project schema of its own, created from the fixture's datamodel and seed, so cases never
// see each other's writes and run in any order.
import { useTestDatabase, type TestDatabase } from '@refract/shared/testing';
import { describe, expect, it } from 'vitest';
import { Engine, type Fixture } from './engine.harness.js';

export interface WriteStep {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  /** The response: `data`, and `errors` reduced to `{message, code?}`; vitest matchers allowed. */
  readonly expected: unknown;
  /** Optional SQL (search_path = the project schema) whose rows must equal `rows` after the step. */
  readonly sql?: string;
  readonly rows?: readonly Record<string, unknown>[];
  /** How many statements the step may send (BEGIN/COMMIT not counted): round trips are a feature. */
  readonly statements?: number;
}

export interface WriteFixture extends Pick<Fixture, 'datamodel' | 'seed'> {
  readonly cases: Readonly<Record<string, readonly WriteStep[]>>;
}

let schemas = 0;

/** A fresh project schema with the fixture's tables and seed rows. */
export function freshEngine(database: TestDatabase, fixture: Pick<Fixture, 'datamodel' | 'seed'>): Promise<Engine> {
  return Engine.create(database, `writes$${process.pid}_${schemas++}`, fixture);
}

/** One describe block per fixture, one test per case, each case in a fresh schema. */
export function runWriteFixtures(prefix: string, fixtures: Readonly<Record<string, WriteFixture>>): void {
  describe.each(Object.entries(fixtures))('%s', (name, fixture) => {
    const database = useTestDatabase({ prefix: `${prefix}_${name.replace(/\W+/g, '_').slice(0, 16)}` });

    it.each(Object.entries(fixture.cases))('%s', async (_caseName, steps) => {
      const engine = await freshEngine(database, fixture);
      for (const [index, step] of steps.entries()) {
        const { response, statements } = await engine.run(step.query, step.variables);
        expect({ step: index, response }).toEqual({ step: index, response: step.expected });
        if (step.statements !== undefined) expect({ step: index, statements: statements.length }).toEqual({ step: index, statements: step.statements });
        if (step.sql !== undefined) expect({ step: index, rows: await engine.rows(step.sql) }).toEqual({ step: index, rows: step.rows });
      }
    });
  });
}
