// The published prisma-client-lib 1.34.12, through a TYPESCRIPT client that `prisma1 deploy`
// generates (typescript-client: index.ts + prisma-schema.ts), writing to a Refract worker: creates
// with nested create/connect across 1:1, 1:n, n:m and a self relation; updates with every nested
// operation; upserts; deletes; batch payloads; scalar lists, Json, DateTime and enums; and Prisma's
// error messages. The generated TypeScript is imported as it is (Vitest transpiles it).
// Set REFRACT_E2E_CLIENT_DEBUG=1 to have the client print every document and its variables.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@refract/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliProject, runPrisma1, type CliProject } from './prisma1.harness.ts';
import { buildWorker, freePort, spawnWorker, stopWorker, type WorkerProcess } from './worker.process.ts';

const MANAGEMENT_SECRET = 'client-mutations-management-secret';
const SERVICE_SECRET = 'client-mutations-service-secret';

const DATAMODEL = `
type User {
  id: ID! @id
  email: String! @unique
  name: String!
  role: Role! @default(value: USER)
  createdAt: DateTime! @createdAt
  updatedAt: DateTime! @updatedAt
  birthday: DateTime
  meta: Json
  nicknames: [String] @scalarList(strategy: RELATION)
  profile: Profile
  posts: [Post!]!
  comments: [Comment!]!
  mentor: User @relation(name: "Mentorship")
  mentees: [User!]! @relation(name: "Mentorship")
}
type Profile {
  id: ID! @id
  bio: String
  website: String
  user: User! @relation(link: INLINE)
}
type Post {
  id: ID! @id
  title: String!
  published: Boolean! @default(value: false)
  views: Int! @default(value: 0)
  author: User!
  comments: [Comment!]!
  tags: [Tag!]!
}
type Comment {
  id: ID! @id
  text: String!
  post: Post!
  author: User
}
type Tag {
  id: ID! @id
  label: String! @unique
  posts: [Post!]!
}
enum Role { USER EDITOR ADMIN }
`;

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const CUID = /^c[a-z0-9]{24}$/;

/** The error a client call rejects with (fails the test if it resolves). */
async function failure(call: PromiseLike<unknown>): Promise<any> {
  let result: unknown;
  try {
    result = await call;
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return error;
  }
  throw new Error(`expected the call to fail, it returned ${JSON.stringify(result)}`);
}

/** The Prisma error code the client saw (prisma-client-lib keeps the response on `result`). */
const codeOf = (error: any): unknown => error.result?.errors?.[0]?.code;

const labels = (nodes: { label: string }[]) => nodes.map((node) => node.label).sort();
const titles = (nodes: { title: string }[]) => nodes.map((node) => node.title).sort();

let database: TestDatabase;
let worker: WorkerProcess;
let project: CliProject;
const clientDir = join(import.meta.dirname, '..', 'tmp', `client-ts-${process.pid}`);
// The generated client is typed, but only exists at run time: its module is imported dynamically.
let prisma: any;

beforeAll(async () => {
  const [, created, port] = await Promise.all([buildWorker(), createTestDatabase({ prefix: 'prisma1_client_mut' }), freePort()]);
  database = created;
  worker = await spawnWorker({ DATABASE_URL: database.url, MANAGEMENT_API_SECRET: MANAGEMENT_SECRET, LOG_LEVEL: 'warn' }, port);
  // The client lives inside this package, so that it resolves this package's prisma-client-lib.
  mkdirSync(clientDir, { recursive: true });
  project = createCliProject({
    endpoint: `${worker.url}/mutations/dev`,
    datamodel: DATAMODEL,
    secret: SERVICE_SECRET,
    extraYaml: `generate:\n  - generator: typescript-client\n    output: ${JSON.stringify(clientDir + '/')}\n`,
  });
  const deployed = await runPrisma1(['deploy'], { cwd: project.dir, env: { PRISMA_MANAGEMENT_API_SECRET: MANAGEMENT_SECRET }, timeoutMs: 90_000 });
  if (deployed.code !== 0) throw new Error(`prisma1 deploy failed:\n${deployed.stdout}\n${deployed.stderr}`);
  // The generated TypeScript, unchanged: Vitest transpiles it, and its imports (prisma-client-lib,
  // ./prisma-schema) resolve from this package.
  const generated = await import(pathToFileURL(join(clientDir, 'index.ts')).href);
  prisma = process.env.REFRACT_E2E_CLIENT_DEBUG ? new generated.Prisma({ debug: true }) : generated.prisma;
}, 300_000);

afterAll(async () => {
  if (worker) await stopWorker(worker);
  await database?.drop();
  project?.cleanup();
  rmSync(clientDir, { recursive: true, force: true });
});

describe('the generated typescript client', () => {
  it('is TypeScript, generated for this endpoint and service secret', () => {
    const index = readFileSync(join(clientDir, 'index.ts'), 'utf8');
    expect(index).toContain('from "prisma-client-lib"');
    expect(index).toContain('from "./prisma-schema"');
    expect(index).toContain(`${worker.url}/mutations/dev`);
    expect(index).toContain(SERVICE_SECRET);
    expect(index).toMatch(/createUser: \(data: UserCreateInput\) => UserPromise/);
    expect(readFileSync(join(clientDir, 'prisma-schema.ts'), 'utf8')).toContain('input UserCreateInput');
    // Its imports resolve to this package's published prisma-client-lib 1.34.12 (and graphql 14).
    const fromClient = createRequire(join(clientDir, 'index.ts'));
    expect(fromClient.resolve('prisma-client-lib')).toBe(createRequire(import.meta.url).resolve('prisma-client-lib'));
    expect(fromClient('prisma-client-lib/package.json').version).toBe('1.34.12');
    expect(fromClient('graphql/package.json').version).toMatch(/^14\./);
  });
});

describe('a generated typescript client writing to Refract', () => {
  it('creates with nested creates across 1:1, 1:n and n:m, with defaults, enums, Json, DateTime and a scalar list', async () => {
    const meta = { theme: 'dark', flags: [1, 2.5, true, null], nested: { deep: { empty: [] } } };
    const ann = await prisma.createUser({
      email: 'ann@create.io',
      name: 'Ann',
      role: 'ADMIN',
      birthday: '1990-01-02T03:04:05.678Z',
      meta,
      nicknames: { set: ['annie', 'a', 'annie'] },
      profile: { create: { bio: 'Writes things' } },
      posts: {
        create: [
          { title: 'Hello', published: true, tags: { create: [{ label: 'create-news' }, { label: 'create-tech' }] } },
          { title: 'Draft', comments: { create: [{ text: 'first!' }] } },
        ],
      },
    });
    expect(ann).toEqual({
      id: expect.stringMatching(CUID),
      email: 'ann@create.io',
      name: 'Ann',
      role: 'ADMIN',
      createdAt: expect.stringMatching(ISO),
      updatedAt: expect.stringMatching(ISO),
      birthday: '1990-01-02T03:04:05.678Z',
      meta,
      nicknames: ['annie', 'a', 'annie'],
    });
    expect(Math.abs(Date.parse(ann.createdAt) - Date.now())).toBeLessThan(60_000);

    expect(await prisma.user({ id: ann.id }).profile()).toEqual({ id: expect.stringMatching(CUID), bio: 'Writes things', website: null });
    const posts = await prisma.user({ id: ann.id }).posts({ orderBy: 'title_ASC' });
    expect(posts).toEqual([
      { id: expect.stringMatching(CUID), title: 'Draft', published: false, views: 0 },
      { id: expect.stringMatching(CUID), title: 'Hello', published: true, views: 0 },
    ]);
    const [draft, hello] = posts;
    expect(labels(await prisma.post({ id: hello.id }).tags())).toEqual(['create-news', 'create-tech']);
    expect(await prisma.post({ id: draft.id }).tags()).toEqual([]);
    const [comment] = await prisma.post({ id: draft.id }).comments();
    expect(comment).toEqual({ id: expect.stringMatching(CUID), text: 'first!' });
    expect(await prisma.comment({ id: comment.id }).author()).toBeNull();
    expect(await prisma.comment({ id: comment.id }).post()).toEqual(draft);
    const profile = await prisma.user({ email: 'ann@create.io' }).profile();
    expect(await prisma.profile({ id: profile.id }).user()).toEqual(ann);
    expect(await prisma.$exists.user({ email: 'ann@create.io', posts_some: { tags_some: { label: 'create-tech' } } })).toBe(true);
  });

  it('creates with nested connects, a self relation, and reads the result through chained calls and fragments', async () => {
    const ann = await prisma.createUser({
      email: 'ann@connect.io',
      name: 'Ann',
      posts: { create: [{ title: 'Ann post', tags: { create: [{ label: 'connect-news' }] } }] },
    });
    const [annPost] = await prisma.user({ id: ann.id }).posts();
    const bob = await prisma.createUser({
      email: 'bob@connect.io',
      name: 'Bob',
      mentor: { connect: { email: 'ann@connect.io' } },
      posts: { create: [{ title: 'Bob post', tags: { connect: [{ label: 'connect-news' }], create: [{ label: 'connect-life' }] } }] },
      comments: { create: [{ text: 'nice post', post: { connect: { id: annPost.id } } }] },
    });
    // Defaults and unset optional fields.
    expect(bob).toEqual({
      id: expect.stringMatching(CUID),
      email: 'bob@connect.io',
      name: 'Bob',
      role: 'USER',
      createdAt: expect.stringMatching(ISO),
      updatedAt: expect.stringMatching(ISO),
      birthday: null,
      meta: null,
      nicknames: [],
    });
    expect(await prisma.user({ email: 'bob@connect.io' }).mentor()).toEqual(ann);
    expect(await prisma.user({ email: 'ann@connect.io' }).mentees()).toEqual([bob]);
    expect(await prisma.user({ email: 'ann@connect.io' }).mentor()).toBeNull();
    expect(titles(await prisma.tag({ label: 'connect-news' }).posts())).toEqual(['Ann post', 'Bob post']);
    expect(await prisma.post({ id: annPost.id }).comments().$fragment('fragment C on Comment { text author { email } }')).toEqual([
      { text: 'nice post', author: { email: 'bob@connect.io' } },
    ]);

    // Top-level creates connecting both ends of a 1:1 and of two 1:n relations.
    const profile = await prisma.createProfile({ website: 'https://bob.dev', user: { connect: { email: 'bob@connect.io' } } });
    expect(profile).toEqual({ id: expect.stringMatching(CUID), bio: null, website: 'https://bob.dev' });
    expect(await prisma.user({ id: bob.id }).profile()).toEqual(profile);
    const comment = await prisma.createComment({ id: 'connect-comment', text: 'thanks', post: { connect: { id: annPost.id } }, author: { connect: { id: ann.id } } });
    expect(comment).toEqual({ id: 'connect-comment', text: 'thanks' });
    // A mutation's result can be chained and fragmented like a query's.
    expect(await prisma.createPost({ title: 'Chained', author: { connect: { id: bob.id } } }).author()).toEqual(bob);
    expect(
      await prisma
        .createPost({ title: 'Fragmented', author: { connect: { email: 'ann@connect.io' } }, tags: { connect: [{ label: 'connect-life' }] } })
        .$fragment('fragment P on Post { title author { name } tags { label } }'),
    ).toEqual({ title: 'Fragmented', author: { name: 'Ann' }, tags: [{ label: 'connect-life' }] });
    expect(await prisma.user({ id: ann.id }).comments()).toEqual([{ id: 'connect-comment', text: 'thanks' }]);
  });

  it('updates scalars, enums, Json, DateTime and scalar lists, bumping @updatedAt and keeping @createdAt', async () => {
    const before = await prisma.createUser({ email: 'ann@update.io', name: 'Ann', nicknames: { set: ['a'] }, meta: { v: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const after = await prisma.updateUser({
      where: { email: 'ann@update.io' },
      data: { name: 'Ann B', role: 'EDITOR', birthday: '2000-12-31T23:59:59.999Z', meta: [{ deep: { list: ['x', 1] } }, 'two'], nicknames: { set: ['ab', 'b'] } },
    });
    expect(after).toEqual({
      ...before,
      name: 'Ann B',
      role: 'EDITOR',
      birthday: '2000-12-31T23:59:59.999Z',
      meta: [{ deep: { list: ['x', 1] } }, 'two'],
      nicknames: ['ab', 'b'],
      updatedAt: expect.stringMatching(ISO),
    });
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    expect(await prisma.user({ id: before.id })).toEqual(after);

    // Omitted fields stay; null clears optional fields; `set: []` clears the list.
    expect(await prisma.updateUser({ where: { id: before.id }, data: { name: 'Ann C' } })).toMatchObject({ nicknames: ['ab', 'b'], role: 'EDITOR' });
    expect(await prisma.updateUser({ where: { id: before.id }, data: { birthday: null, meta: null, nicknames: { set: [] } } })).toMatchObject({
      name: 'Ann C',
      birthday: null,
      meta: null,
      nicknames: [],
    });
    // A DateTime with an offset comes back in UTC.
    expect(await prisma.updateUser({ where: { id: before.id }, data: { birthday: '2019-05-06T09:08:09.010+02:00' } })).toMatchObject({
      birthday: '2019-05-06T07:08:09.010Z',
    });
    expect(await prisma.$exists.user({ id: before.id, role: 'EDITOR', birthday_gt: '2019-01-01T00:00:00.000Z' })).toBe(true);
  });

  it('updates through nested to-one operations: update, upsert, create, connect, disconnect, delete', async () => {
    const ann = await prisma.createUser({ email: 'ann@toone.io', name: 'Ann', profile: { create: { bio: 'Hi' } } });
    const bob = await prisma.createUser({ email: 'bob@toone.io', name: 'Bob', mentor: { connect: { id: ann.id } } });
    const profile = await prisma.user({ id: ann.id }).profile();

    await prisma.updateUser({ where: { email: 'ann@toone.io' }, data: { profile: { update: { website: 'https://ann.io' } } } });
    expect(await prisma.user({ id: ann.id }).profile()).toEqual({ id: profile.id, bio: 'Hi', website: 'https://ann.io' });
    // upsert on a connected to-one takes the update branch.
    await prisma.updateUser({ where: { id: ann.id }, data: { profile: { upsert: { update: { bio: 'Updated' }, create: { bio: 'never' } } } } });
    expect(await prisma.user({ id: ann.id }).profile()).toEqual({ id: profile.id, bio: 'Updated', website: 'https://ann.io' });
    // ... and the create branch when nothing is connected.
    await prisma.updateUser({ where: { id: bob.id }, data: { profile: { upsert: { update: { bio: 'never' }, create: { bio: 'Created' } } } } });
    expect(await prisma.user({ id: bob.id }).profile()).toMatchObject({ bio: 'Created', website: null });

    // Self relation: disconnect, connect, then create a new mentor in place.
    await prisma.updateUser({ where: { id: bob.id }, data: { mentor: { disconnect: true } } });
    expect(await prisma.user({ id: bob.id }).mentor()).toBeNull();
    expect(await prisma.user({ id: ann.id }).mentees()).toEqual([]);
    await prisma.updateUser({ where: { id: bob.id }, data: { mentor: { connect: { email: 'ann@toone.io' } } } });
    expect(await prisma.user({ id: bob.id }).mentor()).toMatchObject({ email: 'ann@toone.io' });
    await prisma.updateUser({ where: { id: bob.id }, data: { mentor: { create: { email: 'cat@toone.io', name: 'Cat', role: 'EDITOR' } } } });
    expect(await prisma.user({ id: bob.id }).mentor()).toMatchObject({ email: 'cat@toone.io', role: 'EDITOR' });
    expect(await prisma.user({ id: ann.id }).mentees()).toEqual([]);
    // A nested update of the self relation.
    await prisma.updateUser({ where: { id: bob.id }, data: { mentor: { update: { name: 'Cat B', nicknames: { set: ['kitty'] } } } } });
    expect(await prisma.user({ email: 'cat@toone.io' })).toMatchObject({ name: 'Cat B', nicknames: ['kitty'] });

    // delete: true removes the connected child.
    await prisma.updateUser({ where: { id: bob.id }, data: { profile: { delete: true } } });
    expect(await prisma.user({ id: bob.id }).profile()).toBeNull();
    expect(await prisma.$exists.profile({ bio: 'Created' })).toBe(false);

    // Profile.user is required: the profile cannot be disconnected from its user.
    const required = await failure(prisma.updateUser({ where: { id: ann.id }, data: { profile: { disconnect: true } } }));
    expect(required.message).toBe("The change you are trying to make would violate the required relation 'ProfileToUser' between Profile and User");
    expect(codeOf(required)).toBe(3042);
    expect(await prisma.user({ id: ann.id }).profile()).toMatchObject({ id: profile.id });

    // Updating a to-one child that is not there.
    const notConnected = await failure(prisma.updateUser({ where: { id: bob.id }, data: { profile: { update: { bio: 'x' } } } }));
    expect(notConnected.message).toBe(
      // Prisma 1.34's nested update names neither node when nothing is connected (spec §8.7).
      'The relation ProfileToUser has no node for the model User connected to a Node for the model Profile on your mutation path.',
    );
    expect(codeOf(notConnected)).toBe(3041);
  });

  it('updates through nested to-many operations: create, update, upsert, delete, connect, set, disconnect, updateMany, deleteMany', async () => {
    const ann = await prisma.createUser({
      email: 'ann@tomany.io',
      name: 'Ann',
      posts: {
        create: [
          { title: 'Hello', published: true, tags: { create: [{ label: 'tomany-news' }, { label: 'tomany-tech' }, { label: 'tomany-life' }] } },
          { title: 'Draft', comments: { create: [{ text: 'first!' }, { text: 'spam spam' }, { text: 'more spam' }] } },
        ],
      },
    });
    const bob = await prisma.createUser({ email: 'bob@tomany.io', name: 'Bob', posts: { create: [{ title: 'Bob post' }] } });
    const hello = await prisma.posts({ where: { title: 'Hello', author: { id: ann.id } } }).then(([post]: any[]) => post);
    const draft = await prisma.posts({ where: { title: 'Draft', author: { id: ann.id } } }).then(([post]: any[]) => post);
    const [bobPost] = await prisma.user({ id: bob.id }).posts();

    const updated = await prisma.updateUser({
      where: { email: 'ann@tomany.io' },
      data: {
        name: 'Ann B',
        posts: {
          create: [{ title: 'Fresh' }],
          update: [{ where: { id: hello.id }, data: { views: 10, tags: { disconnect: [{ label: 'tomany-tech' }] } } }],
          upsert: [
            { where: { id: draft.id }, update: { title: 'Draft v2' }, create: { title: 'never' } },
            { where: { id: 'no-such-post' }, update: { title: 'never' }, create: { title: 'Upserted' } },
          ],
        },
      },
    });
    expect(updated).toMatchObject({ id: ann.id, name: 'Ann B' });
    expect(await prisma.user({ id: ann.id }).posts({ orderBy: 'title_ASC' })).toEqual([
      { id: draft.id, title: 'Draft v2', published: false, views: 0 },
      { id: expect.stringMatching(CUID), title: 'Fresh', published: false, views: 0 },
      { id: hello.id, title: 'Hello', published: true, views: 10 },
      { id: expect.stringMatching(CUID), title: 'Upserted', published: false, views: 0 },
    ]);
    expect(labels(await prisma.post({ id: hello.id }).tags())).toEqual(['tomany-life', 'tomany-news']);
    expect(await prisma.$exists.post({ title: 'never' })).toBe(false);

    // updateMany then deleteMany, on the connected children only.
    await prisma.updateUser({
      where: { id: ann.id },
      data: { posts: { updateMany: [{ where: { published: false }, data: { views: 5 } }], deleteMany: [{ title_in: ['Fresh', 'Bob post'] }] } },
    });
    expect(await prisma.user({ id: ann.id }).posts({ orderBy: 'title_ASC' })).toEqual([
      { id: draft.id, title: 'Draft v2', published: false, views: 5 },
      { id: hello.id, title: 'Hello', published: true, views: 10 },
      { id: expect.stringMatching(CUID), title: 'Upserted', published: false, views: 5 },
    ]);
    expect(await prisma.post({ id: bobPost.id })).toEqual({ id: bobPost.id, title: 'Bob post', published: false, views: 0 });

    // Nested delete by unique selector.
    const upserted = await prisma.posts({ where: { title: 'Upserted' } }).then(([post]: any[]) => post);
    await prisma.updateUser({ where: { id: ann.id }, data: { posts: { delete: [{ id: upserted.id }] } } });
    expect(await prisma.$exists.post({ id: upserted.id })).toBe(false);

    // n:m: set replaces, connect adds, disconnect removes.
    await prisma.updatePost({ where: { id: hello.id }, data: { tags: { set: [{ label: 'tomany-tech' }] } } });
    expect(labels(await prisma.post({ id: hello.id }).tags())).toEqual(['tomany-tech']);
    expect(await prisma.tag({ label: 'tomany-news' }).posts()).toEqual([]);
    await prisma.updatePost({ where: { id: hello.id }, data: { tags: { connect: [{ label: 'tomany-news' }, { label: 'tomany-tech' }] } } });
    expect(labels(await prisma.post({ id: hello.id }).tags())).toEqual(['tomany-news', 'tomany-tech']);
    await prisma.updateTag({ where: { label: 'tomany-news' }, data: { posts: { disconnect: [{ id: hello.id }], connect: [{ id: bobPost.id }] } } });
    expect(labels(await prisma.post({ id: hello.id }).tags())).toEqual(['tomany-tech']);
    expect(labels(await prisma.post({ id: bobPost.id }).tags())).toEqual(['tomany-news']);

    // deleteMany with a scalar filter on a 1:n list.
    await prisma.updatePost({ where: { id: draft.id }, data: { comments: { deleteMany: [{ text_contains: 'spam' }] } } });
    expect(await prisma.post({ id: draft.id }).comments()).toEqual([{ id: expect.stringMatching(CUID), text: 'first!' }]);

    // connect on a to-many whose other side is a required to-one moves the child.
    await prisma.updateUser({ where: { id: bob.id }, data: { posts: { connect: [{ id: draft.id }] } } });
    expect(await prisma.post({ id: draft.id }).author()).toMatchObject({ email: 'bob@tomany.io' });
    expect(titles(await prisma.user({ id: bob.id }).posts())).toEqual(['Bob post', 'Draft v2']);

    // Disconnecting a post from its required author is refused.
    const required = await failure(prisma.updateUser({ where: { id: bob.id }, data: { posts: { disconnect: [{ id: draft.id }] } } }));
    expect(required.message).toBe("The change you are trying to make would violate the required relation 'PostToUser' between Post and User");
    expect(codeOf(required)).toBe(3042);
    // A nested update of a child that belongs to someone else.
    const notConnected = await failure(
      prisma.updateUser({ where: { id: ann.id }, data: { posts: { update: [{ where: { id: bobPost.id }, data: { title: 'stolen' } }] } } }),
    );
    expect(notConnected.message).toBe(
      // A nested update names the child by the selector it was given.
      `The relation PostToUser has no node for the model User connected to a Node for the model Post with the value '${bobPost.id}' for the field 'id' on your mutation path.`,
    );
    expect(codeOf(notConnected)).toBe(3041);
    expect(await prisma.post({ id: bobPost.id })).toMatchObject({ title: 'Bob post' });
    // Connecting a node that does not exist.
    const missing = await failure(prisma.updatePost({ where: { id: hello.id }, data: { tags: { connect: [{ label: 'tomany-nope' }] } } }));
    expect(missing.message).toBe('No Node for the model Tag with value tomany-nope for label found.');
    expect(codeOf(missing)).toBe(3039);
  });

  it('upserts through both branches', async () => {
    const args = { where: { label: 'upsert-rust' }, create: { label: 'upsert-rust' }, update: { label: 'upsert-rustlang' } };
    const created = await prisma.upsertTag(args);
    expect(created).toEqual({ id: expect.stringMatching(CUID), label: 'upsert-rust' });
    const updated = await prisma.upsertTag(args);
    expect(updated).toEqual({ id: created.id, label: 'upsert-rustlang' });
    expect(await prisma.$exists.tag({ label: 'upsert-rust' })).toBe(false);

    const eve = await prisma.upsertUser({
      where: { email: 'eve@upsert.io' },
      create: { email: 'eve@upsert.io', name: 'Eve', nicknames: { set: ['e'] }, posts: { create: [{ title: 'Eve post', tags: { connect: [{ label: 'upsert-rustlang' }] } }] } },
      update: { name: 'never' },
    });
    expect(eve).toMatchObject({ email: 'eve@upsert.io', name: 'Eve', role: 'USER', nicknames: ['e'] });
    expect(await prisma.tag({ label: 'upsert-rustlang' }).posts()).toEqual([{ id: expect.stringMatching(CUID), title: 'Eve post', published: false, views: 0 }]);
    const again = await prisma.upsertUser({
      where: { email: 'eve@upsert.io' },
      create: { email: 'never@upsert.io', name: 'never' },
      update: { name: 'Eve B', role: 'ADMIN', nicknames: { set: ['e', 'eve'] } },
    });
    expect(again).toMatchObject({ id: eve.id, name: 'Eve B', role: 'ADMIN', nicknames: ['e', 'eve'] });
    expect(await prisma.$exists.user({ email: 'never@upsert.io' })).toBe(false);
  });

  it('returns batch payload counts from updateMany and deleteMany', async () => {
    await prisma.createUser({
      email: 'ann@batch.io',
      name: 'Ann',
      posts: { create: [{ title: 'batch one' }, { title: 'batch two' }, { title: 'batch three', published: true }] },
    });
    await prisma.createUser({ email: 'bob@batch.io', name: 'Bob', posts: { create: [{ title: 'batch four' }] } });

    const published = await prisma.updateManyPosts({ where: { author: { email: 'ann@batch.io' }, published: false }, data: { published: true, views: 7 } });
    expect(published.count).toBe(2);
    expect(await prisma.posts({ where: { title_starts_with: 'batch', views: 7 }, orderBy: 'title_ASC' })).toEqual([
      { id: expect.stringMatching(CUID), title: 'batch one', published: true, views: 7 },
      { id: expect.stringMatching(CUID), title: 'batch two', published: true, views: 7 },
    ]);
    expect((await prisma.updateManyPosts({ where: { title_starts_with: 'batch' }, data: { views: 1 } })).count).toBe(4);
    expect((await prisma.updateManyPosts({ where: { title: 'no such post' }, data: { views: 1 } })).count).toBe(0);

    // Scalar lists and enums for every matched node.
    const users = await prisma.updateManyUsers({ where: { email_ends_with: '@batch.io' }, data: { role: 'EDITOR', nicknames: { set: ['batched'] } } });
    expect(users.count).toBe(2);
    expect(await prisma.users({ where: { email_ends_with: '@batch.io' }, orderBy: 'email_ASC' })).toMatchObject([
      { email: 'ann@batch.io', role: 'EDITOR', nicknames: ['batched'] },
      { email: 'bob@batch.io', role: 'EDITOR', nicknames: ['batched'] },
    ]);

    const [one] = await prisma.posts({ where: { title: 'batch one' } });
    await prisma.updatePost({ where: { id: one.id }, data: { comments: { create: [{ text: 'batch spam 1' }, { text: 'batch spam 2' }, { text: 'batch keep' }] } } });
    expect((await prisma.deleteManyComments({ text_starts_with: 'batch spam' })).count).toBe(2);
    expect(await prisma.post({ id: one.id }).comments()).toEqual([{ id: expect.stringMatching(CUID), text: 'batch keep' }]);
    expect((await prisma.deleteManyComments({ text: 'no such comment' })).count).toBe(0);
    expect((await prisma.deleteManyPosts({ title_in: ['batch two', 'batch three'] })).count).toBe(2);
    expect(titles(await prisma.user({ email: 'ann@batch.io' }).posts())).toEqual(['batch one']);
  });

  it('deletes, returning the node as it was', async () => {
    const zed = await prisma.createUser({
      email: 'zed@delete.io',
      name: 'Zed',
      role: 'ADMIN',
      birthday: '1980-02-29T12:00:00.000Z',
      meta: { keep: ['me'] },
      nicknames: { set: ['z', 'zz'] },
      profile: { create: { bio: 'Going away' } },
    });
    // Profile.user is required: the user cannot go while its profile points at it.
    const hasProfile = await failure(prisma.deleteUser({ email: 'zed@delete.io' }));
    expect(hasProfile.message).toBe("The change you are trying to make would violate the required relation 'ProfileToUser' between Profile and User");
    expect(codeOf(hasProfile)).toBe(3042);
    // A pure relation change does not bump @updatedAt.
    expect(await prisma.updateUser({ where: { id: zed.id }, data: { profile: { delete: true } } })).toEqual(zed);
    expect(await prisma.deleteUser({ email: 'zed@delete.io' })).toEqual(zed);
    expect(await prisma.$exists.user({ email: 'zed@delete.io' })).toBe(false);
    expect(await prisma.user({ id: zed.id })).toBeNull();

    // Deleting a tag removes its links, not the posts.
    const owner = await prisma.createUser({
      email: 'owner@delete.io',
      name: 'Owner',
      posts: { create: [{ title: 'Tagged', tags: { create: [{ label: 'delete-a' }, { label: 'delete-b' }] }, comments: { create: [{ text: 'hold' }] } }] },
    });
    const [tagged] = await prisma.user({ id: owner.id }).posts();
    expect(await prisma.deleteTag({ label: 'delete-a' })).toEqual({ id: expect.stringMatching(CUID), label: 'delete-a' });
    expect(labels(await prisma.post({ id: tagged.id }).tags())).toEqual(['delete-b']);

    // Required relations pointing at the node block the delete, and nothing is deleted.
    const hasComments = await failure(prisma.deletePost({ id: tagged.id }));
    expect(hasComments.message).toBe("The change you are trying to make would violate the required relation 'CommentToPost' between Comment and Post");
    expect(codeOf(hasComments)).toBe(3042);
    const hasPosts = await failure(prisma.deleteUser({ email: 'owner@delete.io' }));
    expect(hasPosts.message).toBe("The change you are trying to make would violate the required relation 'PostToUser' between Post and User");
    expect(codeOf(hasPosts)).toBe(3042);
    expect(await prisma.$exists.post({ id: tagged.id })).toBe(true);

    const missing = await failure(prisma.deleteUser({ email: 'ghost@delete.io' }));
    expect(missing.message).toBe('No Node for the model User with value ghost@delete.io for email found.');
    expect(codeOf(missing)).toBe(3039);
  });

  it('surfaces Prisma errors as Errors with Prisma messages, and rolls failed mutations back', async () => {
    await prisma.createUser({ email: 'ann@errors.io', name: 'Ann', posts: { create: [{ title: 'errors post', tags: { create: [{ label: 'errors-news' }] } }] } });
    await prisma.createUser({ email: 'bob@errors.io', name: 'Bob' });

    const duplicate = await failure(prisma.createUser({ email: 'ann@errors.io', name: 'Again', posts: { create: [{ title: 'errors never' }] } }));
    expect(duplicate.message).toBe('A unique constraint would be violated on User. Details: Field name = email');
    expect(codeOf(duplicate)).toBe(3010);
    // A unique violation deep in a nested create rolls back the whole mutation.
    const nested = await failure(
      prisma.createUser({ email: 'new@errors.io', name: 'New', posts: { create: [{ title: 'errors orphan', tags: { create: [{ label: 'errors-news' }] } }] } }),
    );
    expect(nested.message).toBe('A unique constraint would be violated on Tag. Details: Field name = label');
    expect(codeOf(nested)).toBe(3010);
    expect(await prisma.$exists.user({ email: 'new@errors.io' })).toBe(false);
    expect(await prisma.$exists.post({ title_in: ['errors never', 'errors orphan'] })).toBe(false);

    const renamed = await failure(prisma.updateUser({ where: { email: 'bob@errors.io' }, data: { email: 'ann@errors.io' } }));
    expect(renamed.message).toBe('A unique constraint would be violated on User. Details: Field name = email');
    expect(codeOf(renamed)).toBe(3010);

    const missing = await failure(prisma.updateUser({ where: { email: 'ghost@errors.io' }, data: { name: 'Ghost' } }));
    expect(missing.message).toBe('No Node for the model User with value ghost@errors.io for email found.');
    expect(codeOf(missing)).toBe(3039);
    const missingId = await failure(prisma.updateUser({ where: { id: 'no-such-user' }, data: { name: 'Ghost' } }));
    expect(missingId.message).toBe('No Node for the model User with value no-such-user for id found.');
    const missingConnect = await failure(prisma.createPost({ title: 'errors dangling', author: { connect: { email: 'ghost@errors.io' } } }));
    expect(missingConnect.message).toBe('No Node for the model User with value ghost@errors.io for email found.');
    expect(codeOf(missingConnect)).toBe(3039);
    expect(await prisma.$exists.post({ title: 'errors dangling' })).toBe(false);

    const requiredNull = await failure(prisma.updateUser({ where: { email: 'bob@errors.io' }, data: { name: null } }));
    expect(requiredNull.message).toBe(
      'You are trying to set a required field to null. If you are using GraphQL arguments, make sure that you specify a value for all arguments. Fieldname if known: name',
    );
    expect(codeOf(requiredNull)).toBe(3020);
    expect(await prisma.user({ email: 'bob@errors.io' })).toMatchObject({ name: 'Bob' });
  });

  it('batches parallel mutations into one request, each in its own transaction', async () => {
    const results = await Promise.allSettled([
      prisma.createTag({ label: 'parallel-a' }),
      prisma.createTag({ label: 'parallel-b' }),
      prisma.updateTag({ where: { label: 'parallel-missing' }, data: { label: 'x' } }),
    ]);
    // One failing operation rejects the whole batch in http-link-dataloader; the others still ran.
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    // (all three share that operation's error: proof that they travelled in one request).
    for (const result of results) {
      expect((result as PromiseRejectedResult).reason.message).toBe('No Node for the model Tag with value parallel-missing for label found.');
    }
    expect(labels(await prisma.tags({ where: { label_starts_with: 'parallel' } }))).toEqual(['parallel-a', 'parallel-b']);
    const [c, d] = await Promise.all([prisma.createTag({ label: 'parallel-c' }), prisma.deleteTag({ label: 'parallel-a' })]);
    expect([c.label, d.label]).toEqual(['parallel-c', 'parallel-a']);
  });
});
