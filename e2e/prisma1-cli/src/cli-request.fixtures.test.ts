// Keeps fixtures/cli-requests/ honest: every scenario is run against the recorder and must send
// exactly the requests its fixture lists. `PRISMA1_RECORD_FIXTURES=1 npx vitest run` rewrites them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_SCENARIOS, fixtureAsGraphQL, introspectionQueryOf, recordScenario, type CliRequestFixture } from './cli-request.scenarios.ts';

const fixturesDir = join(import.meta.dirname, '..', 'fixtures', 'cli-requests');
const recording = process.env.PRISMA1_RECORD_FIXTURES === '1';

/** Runs `task` over `items`, at most `limit` at a time (each CLI run keeps a core busy for ~1.5 s). */
async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const compared = (f: CliRequestFixture) => ({ exitCode: f.exitCode, requests: f.requests, blockedOutbound: f.blockedOutbound });

describe('what prisma1 1.34.12 sends (fixtures/cli-requests)', () => {
  const recorded = new Map<string, CliRequestFixture>();

  beforeAll(async () => {
    const fixtures = await mapLimit(CLI_SCENARIOS, 3, recordScenario);
    CLI_SCENARIOS.forEach((s, i) => recorded.set(s.name, fixtures[i] as CliRequestFixture));
    if (!recording) return;
    mkdirSync(fixturesDir, { recursive: true });
    const introspection = introspectionQueryOf(fixtures);
    if (introspection !== undefined) writeFileSync(join(fixturesDir, 'introspection-query.graphql'), introspection);
    for (const [name, fixture] of recorded) {
      writeFileSync(join(fixturesDir, `${name}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
      writeFileSync(join(fixturesDir, `${name}.graphql`), fixtureAsGraphQL(fixture, introspection));
    }
  }, 240_000);

  for (const scenario of CLI_SCENARIOS) {
    it(`prisma1 ${scenario.args.join(' ')} (${scenario.name}.json)`, () => {
      const expected = JSON.parse(readFileSync(join(fixturesDir, `${scenario.name}.json`), 'utf8')) as CliRequestFixture;
      expect(compared(recorded.get(scenario.name) as CliRequestFixture)).toEqual(compared(expected));
    });
  }

  it('sends the introspection query of introspection-query.graphql before every deploy', () => {
    const introspection = readFileSync(join(fixturesDir, 'introspection-query.graphql'), 'utf8');
    for (const scenario of CLI_SCENARIOS.filter((s) => s.args[0] === 'deploy')) {
      const queries = (recorded.get(scenario.name) as CliRequestFixture).requests.map((r) => r.query);
      expect(queries, scenario.name).toContain(introspection);
    }
  });
});
