// The published prisma-client-lib 1.34.12, through a client that `prisma1 deploy` generates
// (javascript-client), reading from a Refract worker unchanged: batched array bodies, variables
// typed with the client's own schema names, chained relation calls, connections, aggregates,
// $exists, $fragment, $graphql, and errors.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@refract/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliProject, runPrisma1, type CliProject } from './prisma1.harness.ts';
import { buildWorker, freePort, spawnWorker, stopWorker, type WorkerProcess } from './worker.process.ts';

const MANAGEMENT_SECRET = 'client-reads-management-secret';
const SERVICE_SECRET = 'client-reads-service-secret';

const DATAMODEL = `
type User {
  id: ID! @id
  email: String! @unique
  name: String!
  role: Role! @default(value: USER)
  joinedAt: DateTime
  meta: Json
  nicknames: [String] @scalarList(strategy: RELATION)
  posts: [Post!]!
}
type Post {
  id: ID! @id
  title: String!
  published: Boolean! @default(value: false)
  author: User!
  tags: [Tag!]!
}
type Tag { id: ID! @id  label: String! @unique  posts: [Post!]! }
enum Role { USER ADMIN }
`;

const SEED = `
INSERT INTO "User" ("id", "email", "name", "role", "joinedAt", "meta") VALUES
  ('u1', 'ann@x.io', 'Ann', 'ADMIN', '2019-05-06 07:08:09.010', '{"theme":"dark"}'),
  ('u2', 'bob@x.io', 'Bob', 'USER', NULL, NULL);
INSERT INTO "User_nicknames" ("nodeId", "position", "value") VALUES ('u1', 1000, 'annie');
INSERT INTO "Post" ("id", "title", "published", "author") VALUES ('p1', 'Hello', true, 'u1'), ('p2', 'Draft', false, 'u1'), ('p3', 'Bye', true, 'u2');
INSERT INTO "Tag" ("id", "label") VALUES ('t1', 'news');
INSERT INTO "_PostToTag" ("A", "B") VALUES ('p1', 't1'), ('p3', 't1');
`;

let database: TestDatabase;
let worker: WorkerProcess;
let project: CliProject;
const clientDir = join(import.meta.dirname, '..', 'tmp', `client-${process.pid}`);
// The generated client is untyped JavaScript.
let prisma: any;

beforeAll(async () => {
  const [, created, port] = await Promise.all([buildWorker(), createTestDatabase({ prefix: 'prisma1_client' }), freePort()]);
  database = created;
  worker = await spawnWorker({ DATABASE_URL: database.url, MANAGEMENT_API_SECRET: MANAGEMENT_SECRET, LOG_LEVEL: 'warn' }, port);
  // The client lives inside this package, so that it resolves this package's prisma-client-lib.
  mkdirSync(clientDir, { recursive: true });
  project = createCliProject({
    endpoint: `${worker.url}/reads/dev`,
    datamodel: DATAMODEL,
    secret: SERVICE_SECRET,
    extraYaml: `generate:\n  - generator: javascript-client\n    output: ${JSON.stringify(clientDir + '/')}\n`,
  });
  const deployed = await runPrisma1(['deploy'], { cwd: project.dir, env: { PRISMA_MANAGEMENT_API_SECRET: MANAGEMENT_SECRET }, timeoutMs: 90_000 });
  if (deployed.code !== 0) throw new Error(`prisma1 deploy failed:\n${deployed.stdout}\n${deployed.stderr}`);
  const pool = database.pool({ max: 1 });
  await pool.query(`SET search_path TO "reads$dev"; ${SEED}`);
  await pool.end();
  // The generated client is CommonJS, inside an ESM package: mark its folder as CommonJS.
  writeFileSync(join(clientDir, 'package.json'), '{"type":"commonjs"}\n');
  prisma = createRequire(import.meta.url)(join(clientDir, 'index.js')).prisma;
}, 300_000);

afterAll(async () => {
  if (worker) await stopWorker(worker);
  await database?.drop();
  project?.cleanup();
  rmSync(clientDir, { recursive: true, force: true });
});

describe('a generated prisma-client reading from Refract', () => {
  it('lists and finds nodes with every scalar kind in the default selection', async () => {
    expect(await prisma.users({ orderBy: 'name_DESC' })).toEqual([
      { id: 'u2', email: 'bob@x.io', name: 'Bob', role: 'USER', joinedAt: null, meta: null, nicknames: [] },
      { id: 'u1', email: 'ann@x.io', name: 'Ann', role: 'ADMIN', joinedAt: '2019-05-06T07:08:09.010Z', meta: { theme: 'dark' }, nicknames: ['annie'] },
    ]);
    expect(await prisma.user({ email: 'bob@x.io' })).toMatchObject({ id: 'u2', name: 'Bob' });
    expect(await prisma.user({ email: 'nobody@x.io' })).toBeNull();
  });

  it('follows relations by chaining, with their own arguments', async () => {
    expect(await prisma.user({ id: 'u1' }).posts({ where: { published: true } })).toEqual([{ id: 'p1', title: 'Hello', published: true }]);
    expect(await prisma.post({ id: 'p3' }).author()).toMatchObject({ email: 'bob@x.io' });
    expect(await prisma.tag({ label: 'news' }).posts({ orderBy: 'title_ASC' })).toEqual([
      { id: 'p3', title: 'Bye', published: true },
      { id: 'p1', title: 'Hello', published: true },
    ]);
  });

  it('reads connections, aggregates and existence', async () => {
    const page = await prisma.postsConnection({ where: { author: { email: 'ann@x.io' } }, first: 1 });
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: 'p1', endCursor: 'p1' });
    expect(page.edges).toEqual([{ cursor: 'p1', node: { id: 'p1', title: 'Hello', published: true } }]);
    expect(await prisma.postsConnection({ where: { published: true } }).aggregate().count()).toBe(2);
    expect(await prisma.$exists.user({ posts_some: { tags_some: { label: 'news' } } })).toBe(true);
    expect(await prisma.$exists.post({ title_contains: 'nothing' })).toBe(false);
  });

  it('runs fragments and raw documents, and batches parallel calls into one request', async () => {
    expect(await prisma.users({ where: { role: 'ADMIN' } }).$fragment('fragment F on User { email posts(first: 1) { title } }')).toEqual([
      { email: 'ann@x.io', posts: [{ title: 'Hello' }] },
    ]);
    expect(await prisma.$graphql('query ($n: Int) { tags(first: $n) { label } }', { n: 5 })).toEqual({ tags: [{ label: 'news' }] });
    const [a, b] = await Promise.all([prisma.user({ id: 'u1' }), prisma.user({ id: 'u2' })]);
    expect([a.name, b.name]).toEqual(['Ann', 'Bob']);
  });

  it('surfaces Prisma errors as the client expects them', async () => {
    await expect(prisma.users({ first: -1 })).rejects.toThrow("The 'first' argument must be non negative");
  });
});
