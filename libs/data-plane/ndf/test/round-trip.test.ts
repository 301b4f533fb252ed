// Export then import into a fresh project of the same datamodel (spec §14, the CLI's loop of
// §13.13–13.14) leaves no difference: rows, list values and their positions, link-table pairs,
// inline columns, 1.0 `_RelayId` rows and hidden timestamps — with one response per file type,
// and with limits so low that every table crosses pages and responses.
import { columnName, idField, tableName } from '@refract/schema-model';
import { useTestDatabase } from '@refract/shared/testing';
import { describe, expect, it } from 'vitest';
import { NDF_LIMITS, type NdfLimits } from '../src/index.js';
import { EVERY_KIND, EVERY_KIND_SEED } from './fixtures/every-kind.fixture.js';
import { LEGACY, LEGACY_SEED } from './fixtures/legacy.fixture.js';
import { PAGING, PAGING_SEED } from './fixtures/paging.fixture.js';
import { createProject, dump, exportAll, importFiles, rows, type Project } from './ndf.harness.js';

const database = useTestDatabase({ prefix: 'ndf_round_trip' });

const LIMITS: readonly (readonly [string, NdfLimits])[] = [
  ['in one response per file type', NDF_LIMITS],
  ['in pages of 2 rows and responses of 300 characters', { pageRows: 2, maxResponseChars: 300 }],
];

/** Int ids are not importable (spec §14.2): such nodes exist in the target already, their node elements are left out. */
const INT_ID_NODES = `INSERT INTO "Counter" ("id", "label") VALUES (1, 'one'), (2, NULL);`;
const notAnIntIdNode = (element: unknown) => typeof (element as { id?: unknown }).id !== 'number';

/** Registers every node of a 1.0 project in `_RelayId`, as the API does on create. */
async function registerNodes(project: Project): Promise<void> {
  for (const model of project.schema.models) {
    await rows(project, `INSERT INTO "_RelayId" ("id", "stableModelIdentifier") SELECT "${columnName(idField(model))}"::text, '${model.stableIdentifier}' FROM "${tableName(model)}"`);
  }
}

describe('round trip', () => {
  it.each(LIMITS)('1.1, every field type, list and relation kind, %s', async (_name, limits) => {
    const source = await createProject(database, EVERY_KIND, EVERY_KIND_SEED);
    const target = await createProject(database, EVERY_KIND, INT_ID_NODES);
    const files = await exportAll(source, limits);
    expect(await importFiles(target, files, notAnIntIdNode)).toEqual([]);
    expect(await dump(target)).toEqual(await dump(source));
  });

  it.each(LIMITS)('1.0, with hidden timestamps, link-table ids and _RelayId rows, %s', async (_name, limits) => {
    const source = await createProject(database, LEGACY, LEGACY_SEED);
    await registerNodes(source);
    const target = await createProject(database, LEGACY);
    expect(await importFiles(target, await exportAll(source, limits))).toEqual([]);
    const imported = await dump(target);
    expect(imported).toEqual(await dump(source));
    expect(imported._RelayId).toHaveLength(4);
    // Each imported link row got a fresh cuid.
    const ids = (await rows(target, 'SELECT id FROM "_PostToUser" UNION ALL SELECT id FROM "_BestFriend" UNION ALL SELECT id FROM "_LabelToPost"')).map((r) => r.id as string);
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(id).toMatch(/^c[0-9a-z]{24}$/);
  });

  it('lists split over several elements and requests come back whole and in order', async () => {
    const source = await createProject(database, PAGING, PAGING_SEED);
    const target = await createProject(database, PAGING);
    const files = await exportAll(source, { pageRows: 3, maxResponseChars: 120 });
    expect(files.lists.length).toBeGreaterThan(1);
    expect(await importFiles(target, files)).toEqual([]);
    expect(await dump(target)).toEqual(await dump(source));
  });
});
