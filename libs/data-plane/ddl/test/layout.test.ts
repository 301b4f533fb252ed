// Integration: a new project's datamodel, deployed with the steps the planner would infer, gives
// exactly the layout of spec §4 (1.1) and Appendix A (1.0), read back from the real catalog.
import { useTestDatabase } from '@refract/shared/testing';
import type { ClientBase } from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProjectSchema, ddlForSteps, stepsToCreate, truncateIdentifier } from '../src/index.js';
import { applyInTransaction } from './apply.helper.js';
import { build } from './build.fixture.js';
import { readLayout } from './catalog.reader.js';
import { KITCHEN_SINK_1_0, KITCHEN_SINK_1_1 } from './datamodels.fixture.js';
import { KITCHEN_SINK_1_0_LAYOUT, KITCHEN_SINK_1_1_LAYOUT } from './kitchen-sink.layout.js';

async function deployNewProject(client: ClientBase, schemaName: string, sdl: string): Promise<void> {
  const schema = build(sdl);
  await applyInTransaction(client, [createProjectSchema(schemaName), ...ddlForSteps(schemaName, null, schema, stepsToCreate(schema))]);
}

describe('the layout of a new project', () => {
  const db = useTestDatabase({ prefix: 'ddl_layout' });
  let client: ClientBase;

  beforeAll(async () => {
    client = await db.connect();
    await deployNewProject(client, 'kitchen-sink$dev', KITCHEN_SINK_1_1);
    await deployNewProject(client, 'legacy$dev', KITCHEN_SINK_1_0);
  });

  it('is spec §4 for datamodel 1.1: types, @db names, sequences, lists, inline and link-table relations', async () => {
    expect(await readLayout(client, 'kitchen-sink$dev')).toEqual(KITCHEN_SINK_1_1_LAYOUT);
  });

  it('is Appendix A for datamodel 1.0: _RelayId, system columns, link tables with an id column', async () => {
    expect(await readLayout(client, 'legacy$dev')).toEqual(KITCHEN_SINK_1_0_LAYOUT);
  });

  it('assigns Int ids from the sequences, starting where @sequence says', async () => {
    const post = await client.query(`INSERT INTO "kitchen-sink$dev"."Post" (title) VALUES ('a') RETURNING id`);
    const tag = await client.query(`INSERT INTO "kitchen-sink$dev"."Tag" (label) VALUES ('t') RETURNING id`);
    expect([post.rows[0].id, tag.rows[0].id]).toEqual([1, 100]);
  });

  it('behaves as the API expects on delete: inline columns cleared, link rows cascaded, list rows kept', async () => {
    const s = '"kitchen-sink$dev"';
    await client.query(`INSERT INTO ${s}.users (id, email, active, role, "createdAt", "updatedAt") VALUES ('u1', 'a@b.c', true, 'USER', now(), now())`);
    await client.query(`INSERT INTO ${s}."Post" (title, author_id) VALUES ('by u1', 'u1')`);
    await client.query(`INSERT INTO ${s}."Settings" (id) VALUES ('s1')`);
    await client.query(`INSERT INTO ${s}."_SettingsToUser" ("A", "B") VALUES ('s1', 'u1')`);
    await client.query(`INSERT INTO ${s}.users_nicknames ("nodeId", position, value) VALUES ('u1', 1000, 'x')`);

    // The API deletes list rows itself first: the list table's key has no ON DELETE action.
    await expect(client.query(`DELETE FROM ${s}.users WHERE id = 'u1'`)).rejects.toThrow(/users_nicknames_nodeId_fkey/);
    await client.query(`DELETE FROM ${s}.users_nicknames WHERE "nodeId" = 'u1'`);
    await client.query(`DELETE FROM ${s}.users WHERE id = 'u1'`);

    const post = await client.query(`SELECT author_id FROM ${s}."Post" WHERE title = 'by u1'`);
    const links = await client.query(`SELECT count(*)::int AS n FROM ${s}."_SettingsToUser"`);
    expect([post.rows[0].author_id, links.rows[0].n]).toEqual([null, 0]);
  });

  it('maps unique violations to the index the API reads the field from (spec §8.9)', async () => {
    const s = '"kitchen-sink$dev"';
    await client.query(`INSERT INTO ${s}."Tag" (label) VALUES ('dup')`);
    const error = await client.query(`INSERT INTO ${s}."Tag" (label) VALUES ('dup')`).catch((e: { constraint?: string }) => e);
    expect(error).toMatchObject({ constraint: 'kitchen-sink$dev.Tag.label._UNIQUE' });
  });

  it('truncates names exactly as PostgreSQL does, multi-byte characters included', async () => {
    const names = ['ascii', 'x'.repeat(70), `${'é'.repeat(31)}z`, `${'a'.repeat(62)}é`, `${'a'.repeat(61)}€`, `${'🙂'.repeat(20)}`];
    for (const name of names) {
      const result = await client.query<{ truncated: string }>('SELECT $1::name::text AS truncated', [name]);
      expect(truncateIdentifier(name)).toBe(result.rows[0]!.truncated);
    }
  });
});
