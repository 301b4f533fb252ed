// Which writes report change events to subscriptions, and with what (spec §9.6): CREATED for
// creates and nested creates, UPDATED for updates and nested updates (with the written fields and
// the values before), DELETED only for top-level deletes; nothing for nested deletes, cascades,
// batch mutations, connect/disconnect/set, or a rolled-back mutation. Only watched models count.
import { useTestDatabase } from '@refract/shared/testing';
import { sql } from '@refract/sql';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent, ChangePublisher } from '../src/index.js';
import type { Engine } from './engine.harness.js';
import { blogDatamodel, blogSeed } from './fixtures/blog.datamodel.js';
import { freshEngine } from './write.harness.js';

const datamodel = blogDatamodel.replace('comments: [Comment]', 'comments: [Comment] @relation(onDelete: CASCADE)');

/** Records what a mutation publishes, and the transaction it publishes in. */
function recorder(watched: readonly string[]): ChangePublisher & { published: ChangeEvent[][] } {
  const published: ChangeEvent[][] = [];
  return {
    published,
    wants: (model) => watched.includes(model),
    async publish(session, events) {
      // Inside the mutation's transaction: the write is visible here.
      const [row] = await session.rows(sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = pg_backend_pid() AND state = 'active' AND xact_start IS NOT NULL`);
      expect(row).toEqual({ n: 1 });
      published.push([...events]);
    },
  };
}

const brief = (events: ChangeEvent[][]) => events.flat().map((e) => `${e.mutation} ${e.model}${e.updatedFields ? ` [${e.updatedFields.join(',')}]` : ''}`);

describe('change events of mutations', () => {
  const database = useTestDatabase({ prefix: 'query_events' });
  let engine: Engine;
  beforeEach(async () => {
    engine = await freshEngine(database, { datamodel, seed: blogSeed });
  });

  it('creates report every created node, nested ones included; connects report nothing', async () => {
    const changes = recorder(['User', 'Post', 'Tag']);
    const { response } = await engine.run(
      'mutation { createUser(data: {email: "eve@x.io", name: "Eve", posts: {create: [{title: "a", views: 1, tags: {connect: [{label: "news"}]}}, {title: "b", views: 2}]}}) { id } }',
      {},
      { changes },
    );
    expect(response.errors).toBeUndefined();
    expect(brief(changes.published)).toEqual(['CREATED User', 'CREATED Post', 'CREATED Post']);
    expect(changes.published[0]![0]).toMatchObject({ nodeId: (response.data as { createUser: { id: string } }).createUser.id, previousValues: null });
  });

  it('updates report written fields with @updatedAt-like timestamps and the values before; relation-only nested updates still report', async () => {
    const changes = recorder(['User', 'Post']);
    await engine.run('mutation { updateUser(where: {id: "u2"}, data: {name: "Robert", nicknames: {set: ["rob"]}, posts: {update: [{where: {id: "p3"}, data: {views: 8}}], connect: [{id: "p4"}]}}) { id } }', {}, { changes });
    expect(brief(changes.published)).toEqual(['UPDATED User [name,nicknames]', 'UPDATED Post [views]']);
    const [user, post] = changes.published[0]!;
    expect(JSON.parse(user!.previousValues!)).toMatchObject({ id: 'u2', name: 'Bob', nicknames: [] });
    expect(JSON.parse(post!.previousValues!)).toMatchObject({ id: 'p3', views: 7 });
  });

  it('upsert reports its branch; top-level delete reports DELETED with the values before, cascades and nested deletes nothing', async () => {
    const changes = recorder(['User', 'Post', 'Comment', 'Tag']);
    await engine.run('mutation { upsertTag(where: {label: "new"}, create: {label: "new"}, update: {label: "x"}) { id } }', {}, { changes });
    await engine.run('mutation { upsertTag(where: {label: "news"}, create: {label: "news"}, update: {label: "news!"}) { id } }', {}, { changes });
    await engine.run('mutation { deletePost(where: {id: "p1"}) { id } }', {}, { changes });
    await engine.run('mutation { updateUser(where: {id: "u1"}, data: {posts: {delete: [{id: "p2"}]}}) { id } }', {}, { changes });
    expect(brief(changes.published)).toEqual(['CREATED Tag', 'UPDATED Tag [label]', 'DELETED Post', 'UPDATED User []']);
    expect(JSON.parse(changes.published[2]![0]!.previousValues!)).toMatchObject({ id: 'p1', title: 'Hello World', published: true });
    // p1's comments went with it (CASCADE) without events.
    expect(await engine.rows(`SELECT count(*)::int AS n FROM "Comment" WHERE post = 'p1'`)).toEqual([{ n: 0 }]);
  });

  it('batch mutations, unwatched models and rolled-back mutations report nothing', async () => {
    const changes = recorder(['Post']);
    await engine.run('mutation { updateManyPosts(data: {views: 1}) { count } deleteManyComments { count } }', {}, { changes });
    await engine.run('mutation { createTag(data: {label: "unwatched"}) { id } }', {}, { changes });
    const failed = await engine.run('mutation { createPost(data: {title: "t", views: 1, author: {connect: {id: "u1"}}, tags: {connect: [{label: "missing"}]}}) { id } }', {}, { changes });
    expect(failed.response.errors?.[0]?.code).toBe(3039);
    expect(changes.published).toEqual([]);
  });

  it('a watched single-statement create runs in a transaction so its event is written with it', async () => {
    const changes = recorder(['Post']);
    const { statements } = await engine.run('mutation { createPost(data: {title: "t", views: 1, author: {connect: {id: "u1"}}}) { id } }', {}, { changes });
    expect(brief(changes.published)).toEqual(['CREATED Post']);
    expect(statements.length).toBeGreaterThan(1);
  });
});
