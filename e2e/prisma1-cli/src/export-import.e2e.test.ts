// The published `prisma1 export` and `prisma1 import` (1.34.12) round-trip a project through the
// real worker with no difference (spec §13.13–13.14, §14): a service with every field type and
// every relation kind, filled through its GraphQL API (plus bulk rows in SQL, so that the nodes
// cross the 1,000,000-character response limit and the lists the 1000-row pages), is exported to a
// zip; the same datamodel is deployed as a second service and the zip imported into it; then every
// node, list value and relation is read from both services and compared, and so are the stored
// rows. Int ids are not importable (spec §14.2; the CLI refuses non-string ids before sending), so
// the Int-id model stays empty.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signHs256 } from '@refract/shared';
import { createTestDatabase, type TestDatabase } from '@refract/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliProject, runPrisma1, unwrapCliText, type CliProject, type Prisma1Result } from './prisma1.harness.ts';
import { buildWorker, freePort, spawnWorker, stopWorker, type WorkerProcess } from './worker.process.ts';

const MANAGEMENT_SECRET = 'ndf-management-secret';
const SERVICE_SECRET = 'ndf-service-secret';
const CLI_TEST_TIMEOUT = 180_000;

const DATAMODEL = `type User {
  id: ID! @id
  email: String! @unique
  name: String
  age: Int
  score: Float
  active: Boolean!
  born: DateTime
  meta: Json
  role: Role! @default(value: USER)
  ref: ID
  nicknames: [String] @scalarList(strategy: RELATION)
  lucky: [Int] @scalarList(strategy: RELATION)
  createdAt: DateTime! @createdAt
  updatedAt: DateTime! @updatedAt
  profile: Profile @relation(link: INLINE)
  posts: [Post!]!
  mentor: User @relation(name: "Mentorship", link: INLINE)
  mentees: [User!]! @relation(name: "Mentorship")
  friends: [User!]! @relation(name: "Friends")
}

type Profile {
  id: UUID! @id
  bio: String
  visits: [DateTime] @scalarList(strategy: RELATION)
  user: User
}

type Post {
  id: ID! @id
  title: String!
  weight: Float
  flags: [Boolean] @scalarList(strategy: RELATION)
  moods: [Role] @scalarList(strategy: RELATION)
  extras: [Json] @scalarList(strategy: RELATION)
  author: User!
  categories: [Category!]!
  cover: Image @relation(name: "PostCover")
  attachments: [Image!]! @relation(name: "PostAttachments")
  album: Album @relation(link: TABLE)
}

type Category {
  id: ID! @id
  name: String! @unique
  posts: [Post!]!
}

type Image {
  id: ID! @id
  url: String!
}

type Album {
  id: ID! @id
  title: String!
  posts: [Post!]!
}

type Counter {
  id: Int! @id
  label: String
}

type Bulk {
  id: ID! @id
  body: String!
  n: Int!
  marks: [Int] @scalarList(strategy: RELATION)
}

enum Role {
  USER
  ADMIN
}
`;

/** Every node with every field, list and relation (ids), in a stable order: what a client sees. */
const READ_ALL = `{
  users(orderBy: id_ASC) {
    id email name age score active born meta role ref nicknames lucky createdAt updatedAt
    profile { id } posts(orderBy: id_ASC) { id } mentor { id } mentees(orderBy: id_ASC) { id } friends(orderBy: id_ASC) { id }
  }
  profiles(orderBy: id_ASC) { id bio visits user { id } }
  posts(orderBy: id_ASC) {
    id title weight flags moods extras author { id } categories(orderBy: id_ASC) { id }
    cover { id } attachments(orderBy: id_ASC) { id } album { id }
  }
  categories(orderBy: id_ASC) { id name posts(orderBy: id_ASC) { id } }
  images(orderBy: id_ASC) { id url }
  albums(orderBy: id_ASC) { id title posts(orderBy: id_ASC) { id } }
  counters { id }
  bulks(orderBy: id_ASC, first: 10000) { id body n marks }
}`;

/** Bulk rows: ≈ 1.4 MB of node elements (two export files) and 2,500 list values (three pages). */
const BULK_ROWS = 5000;
const BULK_SQL = `
INSERT INTO "Bulk" ("id", "body", "n") SELECT 'bulk' || lpad(n::text, 5, '0'), repeat(md5(n::text), 7), n FROM generate_series(1, ${BULK_ROWS}) AS n;
INSERT INTO "Bulk_marks" ("nodeId", "position", "value") SELECT 'bulk' || lpad((n / 5 + 1)::text, 5, '0'), (n % 5 + 1) * 1000, n FROM generate_series(0, 2499) AS n;
`;

let database: TestDatabase;
let db: ReturnType<TestDatabase['pool']>;
let worker: WorkerProcess;
const projects: CliProject[] = [];
let exportDir: string;
const timings: string[] = [];

beforeAll(async () => {
  const [, created, port] = await Promise.all([buildWorker(), createTestDatabase({ prefix: 'prisma1_ndf' }), freePort()]);
  database = created;
  db = database.pool({ max: 2 });
  worker = await spawnWorker({ DATABASE_URL: database.url, MANAGEMENT_API_SECRET: MANAGEMENT_SECRET, LOG_LEVEL: 'warn' }, port);
  exportDir = mkdtempSync(join(tmpdir(), 'prisma1-export-'));
}, 300_000);

afterAll(async () => {
  if (worker) {
    const code = await stopWorker(worker);
    if (code !== 0) console.error(`the worker exited with ${String(code)}:\n${worker.output()}`);
  }
  await database?.drop();
  for (const project of projects) project.cleanup();
  if (exportDir) rmSync(exportDir, { recursive: true, force: true });
  if (timings.length > 0) console.info(`timings: ${timings.join(', ')}`);
});

describe('prisma1 export, then prisma1 import into another service', () => {
  let source: CliProject;
  let target: CliProject;
  const zip = () => join(exportDir, 'shop.zip');

  it(
    'deploys the service and fills it through its API and SQL',
    async () => {
      source = project('shop');
      expect((await prisma1(source, ['deploy'])).code).toBe(0);
      await fill('shop');
      await db.query(`SET search_path TO "shop$dev"; ${BULK_SQL} RESET search_path;`);
      const { data } = await api('shop', '{ users { id } bulksConnection { aggregate { count } } }');
      expect(data.users).toHaveLength(3);
      expect(data.bulksConnection.aggregate.count).toBe(BULK_ROWS);
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'prisma1 export writes the nodes, lists and relations files into the zip',
    async () => {
      const result = await prisma1(source, ['export', '--path', zip()]);
      expect(result.code, show(result)).toBe(0);
      expect(unwrapCliText(result.stdout)).toContain(`Exported service to ${zip()}`);
      // The nodes cross the 1,000,000-character limit of one response: two files.
      expect(zipEntries(readFileSync(zip())).filter((name) => name.endsWith('.json')).sort()).toEqual([
        'lists/000001.json',
        'nodes/000001.json',
        'nodes/000002.json',
        'relations/000001.json',
      ]);
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'prisma1 import into a fresh service of the same datamodel leaves no difference',
    async () => {
      target = project('copy');
      expect((await prisma1(target, ['deploy'])).code).toBe(0);
      const result = await prisma1(target, ['import', '--data', zip()]);
      expect(result.code, show(result)).toBe(0);
      const out = unwrapCliText(result.stdout);
      expect(out).not.toContain('Uncaught exception');
      expect(out).toContain('Uploading nodes done');
      expect(out).toContain('Uploading lists done');
      expect(out).toContain('Uploading relations done');

      const [original, copy] = [await api('shop', READ_ALL), await api('copy', READ_ALL)];
      expect(original.errors).toBeUndefined();
      expect(copy).toEqual(original);
      expect(copy.data.bulks).toHaveLength(BULK_ROWS);
      expect(copy.data.users.find((u: any) => u.email === 'ann@x.io')).toMatchObject({ meta: { theme: 'dark', n: [1, 2.5, null] }, nicknames: ['annie', 'A', 'a,b "c"'] });
      // The stored rows too: list positions, link tables, inline columns.
      for (const table of ['User', 'Profile', 'Post', 'Category', 'Image', 'Album', 'Bulk', 'User_nicknames', 'User_lucky', 'Profile_visits', 'Post_flags', 'Post_moods', 'Post_extras', 'Bulk_marks', '_Friends', '_CategoryToPost', '_PostAttachments', '_AlbumToPost']) {
        expect({ table, rows: await tableRows('copy$dev', table) }).toEqual({ table, rows: await tableRows('shop$dev', table) });
      }
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    'a second import of the same zip fails on the first file, prints the errors, and adds nothing',
    async () => {
      const before = await tableRows('copy$dev', 'User');
      const result = await prisma1(target, ['import', '--data', zip()]);
      // The worker answers the first nodes file with its error list; the CLI prints it and exits 1.
      expect(result.code, show(result)).toBe(1);
      expect(unwrapCliText(result.stdout)).toContain('Failure inserting User with Id:');
      expect(await tableRows('copy$dev', 'User')).toEqual(before);
      expect((await db.query(`SELECT count(*)::int AS n FROM "copy$dev"."Bulk"`)).rows).toEqual([{ n: BULK_ROWS }]);
    },
    CLI_TEST_TIMEOUT,
  );
});

// ——— helpers ———

function project(service: string): CliProject {
  const p = createCliProject({ endpoint: `${worker.url}/${service}/dev`, datamodel: DATAMODEL, secret: SERVICE_SECRET });
  projects.push(p);
  return p;
}

async function prisma1(p: CliProject, args: string[]): Promise<Prisma1Result> {
  const result = await runPrisma1(args, { cwd: p.dir, env: { PRISMA_MANAGEMENT_API_SECRET: MANAGEMENT_SECRET }, timeoutMs: 120_000 });
  timings.push(`${args[0]} ${(result.durationMs / 1000).toFixed(1)} s`);
  expect(result.timedOut, show(result)).toBe(false);
  // Offline: the only non-loopback connection the CLI tries is Prisma Cloud's account check (refused).
  const hosts = result.blocked.flatMap((b) => (b.kind === 'connect' ? [b.host] : []));
  expect(hosts.filter((h) => h !== 'api2.cloud.prisma.sh')).toEqual([]);
  return result;
}

const show = (r: Prisma1Result) => `exit ${String(r.code)}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

/** A request to the service's API with a service token (prisma-client-lib's kind: `{}` signed with the secret). */
async function api(service: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(`${worker.url}/${service}/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${signHs256({}, SERVICE_SECRET)}` },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

async function create(service: string, model: string, data: Record<string, unknown>): Promise<string> {
  const result = await api(service, `mutation ($data: ${model}CreateInput!) { create${model}(data: $data) { id } }`, { data });
  expect(result.errors).toBeUndefined();
  return result.data[`create${model}`].id;
}

/** Every field type, list and relation kind, written the way an application would. */
async function fill(service: string): Promise<void> {
  const ann = await create(service, 'User', {
    email: 'ann@x.io',
    name: 'Ann',
    age: 42,
    score: 1.25,
    active: true,
    born: '1980-05-06T07:08:09.010Z',
    meta: { theme: 'dark', n: [1, 2.5, null] },
    role: 'ADMIN',
    ref: 'ext-1',
    nicknames: { set: ['annie', 'A', 'a,b "c"'] },
    lucky: { set: [7, -2147483648] },
    profile: { create: { bio: 'Hi "there"', visits: { set: ['2020-02-29T23:59:59.999Z', '1970-01-01T00:00:00.000Z'] } } },
  });
  const bob = await create(service, 'User', { email: 'bob@x.io', active: false, mentor: { connect: { id: ann } }, friends: { connect: [{ id: ann }] }, lucky: { set: [2147483647] } });
  await create(service, 'User', { email: 'cé@x.io', name: 'Zoë ✓', age: -7, score: -0.000123456789, active: true, meta: [1, 'two', { three: 3 }], mentor: { connect: { email: 'ann@x.io' } }, profile: { create: {} }, friends: { connect: [{ id: bob }] } });
  const album = await create(service, 'Album', { title: 'First' });
  await create(service, 'Post', {
    title: 'Hello',
    weight: 3.5,
    flags: { set: [true, false] },
    moods: { set: ['ADMIN', 'USER'] },
    extras: { set: [{ k: 'v' }, []] },
    author: { connect: { id: ann } },
    categories: { create: [{ name: 'news' }, { name: 'tech' }] },
    cover: { create: { url: 'a.png' } },
    attachments: { create: [{ url: 'b.png' }, { url: 'c.png' }] },
    album: { connect: { id: album } },
  });
  await create(service, 'Post', { title: 'Draft', weight: 0, author: { connect: { email: 'bob@x.io' } }, categories: { connect: [{ name: 'news' }] }, album: { connect: { id: album } } });
}

/** Every row of a table, in a stable order, every column as text (so types compare exactly). */
async function tableRows(schema: string, table: string): Promise<string[]> {
  const { rows } = await db.query<{ row: string }>(`SELECT t::text AS row FROM "${schema}"."${table}" AS t ORDER BY 1`);
  return rows.map((r) => r.row);
}

/** The file names in a zip archive (its central directory). */
function zipEntries(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
