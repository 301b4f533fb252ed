// Write fixtures: each case runs its steps (mutations, then reads that show what they left behind)
// against a project schema of its own, created from the fixture's datamodel and seed, so cases never
// see each other's writes and run in any order.
import type { TestDatabase } from '@refract/shared/testing';
import { Engine, type Fixture } from './engine.harness.js';

export interface WriteStep {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  /** The response: `data`, and `errors` reduced to `{message, code?}`; matchers allowed. */
  readonly expected: unknown;
}

export interface WriteFixture extends Pick<Fixture, 'datamodel' | 'seed'> {
  readonly cases: Readonly<Record<string, readonly WriteStep[]>>;
}

let schemas = 0;

/** A fresh project schema with the fixture's tables and seed rows. */
export function freshEngine(database: TestDatabase, fixture: WriteFixture): Promise<Engine> {
  return Engine.create(database, `writes$${process.pid}_${schemas++}`, fixture);
}
