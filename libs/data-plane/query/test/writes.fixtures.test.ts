// Runs every write fixture against a real PostgreSQL: each case gets a fresh project schema, and
// each of its steps (mutations and the reads that check them) must answer exactly as expected.
import { useTestDatabase } from '@refract/shared/testing';
import { describe, expect, it } from 'vitest';
import { freshEngine, type WriteFixture } from './write.harness.js';
import { writeFixtures } from './fixtures/writes/index.js';

describe.each(Object.entries(writeFixtures as Record<string, WriteFixture>))('%s', (name, fixture) => {
  const database = useTestDatabase({ prefix: `writes_${name.replace(/\W+/g, '_').slice(0, 20)}` });

  it.each(Object.entries(fixture.cases))('%s', async (_caseName, steps) => {
    const engine = await freshEngine(database, fixture);
    for (const [index, step] of steps.entries()) {
      const { response } = await engine.run(step.query, step.variables);
      expect({ step: index, response }).toEqual({ step: index, response: step.expected });
    }
  });
});
