// Runs every read fixture against a real PostgreSQL: the response must equal the expected one,
// and the SQL of each case is kept as a file snapshot so that a change to it shows in review.
import { useTestDatabase } from '@refract/shared/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine, type Fixture } from './engine.harness.js';
import { idTypesFixture, legacyFixture } from './fixtures/legacy.fixture.js';
import { readsFixture } from './fixtures/reads.fixture.js';

const fixtures: Record<string, Fixture> = { reads: readsFixture, legacy: legacyFixture, ids: idTypesFixture };

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

describe.each(Object.entries(fixtures))('%s fixture', (name, fixture) => {
  const database = useTestDatabase({ prefix: `query_${name}` });
  let engine: Engine;
  beforeAll(async () => {
    engine = await Engine.create(database, `fixture$${name}`, fixture);
  });

  it.each(Object.entries(fixture.cases))('%s', async (caseName, testCase) => {
    const { response, statements } = await engine.run(testCase.query, testCase.variables);
    expect(response).toEqual(testCase.expected);
    // One statement per root read field, whatever the nesting.
    await expect(statements.join('\n')).toMatchFileSnapshot(`__snapshots__/${name}/${slug(caseName)}.sql`);
  });
});
