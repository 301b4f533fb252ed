// "Prisma 1 clients, end to end": `prisma1 deploy --no-generate` deploys a realistic datamodel
// (users, profiles, posts, comments, tags; 1:1, 1:n, n:m, self relations both 1:n and n:m, enums,
// Json, DateTime, scalar lists) to a Refract worker, then the published `prisma1 generate` writes a
// TYPESCRIPT client (typescript-client: index.ts + prisma-schema.ts), which is imported unchanged
// (Vitest transpiles it) and runs one app flow: nested sign-ups, a feed read with fragments and
// `$exists`, connections with pagination and aggregates, nested edits, batch mutations, and
// `$subscribe` receiving CREATED / UPDATED / DELETED events over the worker's WebSocket
// (subscriptions-transport-ws, subprotocol `graphql-ws`).
// Set REFRACT_E2E_CLIENT_DEBUG=1 to have the client print every document and its variables, and
// this suite every WebSocket frame the client sends and receives.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@refract/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliProject, runPrisma1, type CliProject, type Prisma1Result } from './prisma1.harness.ts';
import { buildWorker, freePort, spawnWorker, stopWorker, type WorkerProcess } from './worker.process.ts';

const MANAGEMENT_SECRET = 'client-generate-management-secret';
const SERVICE_SECRET = 'client-generate-service-secret';
const DEBUG = Boolean(process.env.REFRACT_E2E_CLIENT_DEBUG);

const DATAMODEL = `
type User {
  id: ID! @id
  email: String! @unique
  name: String!
  role: Role! @default(value: USER)
  createdAt: DateTime! @createdAt
  updatedAt: DateTime! @updatedAt
  birthday: DateTime
  preferences: Json
  nicknames: [String] @scalarList(strategy: RELATION)
  profile: Profile
  posts: [Post!]!
  comments: [Comment!]!
  mentor: User @relation(name: "Mentorship")
  mentees: [User!]! @relation(name: "Mentorship")
  following: [User!]! @relation(name: "Following")
  followers: [User!]! @relation(name: "Following")
}
type Profile {
  id: ID! @id
  bio: String
  website: String
  user: User! @relation(link: INLINE)
}
type Post {
  id: ID! @id
  slug: String! @unique
  title: String!
  status: PostStatus! @default(value: DRAFT)
  publishedAt: DateTime
  views: Int! @default(value: 0)
  rating: Float
  metadata: Json
  keywords: [String] @scalarList(strategy: RELATION)
  author: User!
  comments: [Comment!]!
  tags: [Tag!]!
}
type Comment {
  id: ID! @id
  text: String!
  createdAt: DateTime! @createdAt
  post: Post!
  author: User!
  replyTo: Comment @relation(name: "Replies")
  replies: [Comment!]! @relation(name: "Replies")
}
type Tag {
  id: ID! @id
  label: String! @unique
  posts: [Post!]!
}
enum Role { USER EDITOR ADMIN }
enum PostStatus { DRAFT PUBLISHED ARCHIVED }
`;

const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
const CUID = expect.stringMatching(/^c[a-z0-9]{24}$/);

/** A post as the client's default selection returns it (every scalar, enum, Json and list field). */
const post = (fields: Record<string, unknown>) => ({
  id: CUID,
  status: 'DRAFT',
  publishedAt: null,
  views: 0,
  rating: null,
  metadata: null,
  keywords: [],
  ...fields,
});
const names = (nodes: { name: string }[]) => nodes.map((node) => node.name);
const slugs = (nodes: { slug: string }[]) => nodes.map((node) => node.slug);
const labels = (nodes: { label: string }[]) => nodes.map((node) => node.label);

let database: TestDatabase;
let worker: WorkerProcess;
let project: CliProject;
let deployed: Prisma1Result;
let generated: Prisma1Result;
let filesAfterDeploy: string[];
const timings: string[] = [];
const clientDir = join(import.meta.dirname, '..', 'tmp', `client-generate-${process.pid}`);
// The generated client is typed, but only exists at run time: its module is imported dynamically.
let prisma: any;
/** Subscriptions still open, closed by afterAll when a test failed before closing them. */
const openStreams = new Set<EventStream<any>>();

beforeAll(async () => {
  const started = performance.now();
  const [, created, port] = await Promise.all([buildWorker(), createTestDatabase({ prefix: 'prisma1_client_gen' }), freePort()]);
  database = created;
  worker = await spawnWorker({ DATABASE_URL: database.url, MANAGEMENT_API_SECRET: MANAGEMENT_SECRET, LOG_LEVEL: 'warn' }, port);
  timings.push(`build + worker start ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // The client lives inside this package, so that it resolves this package's prisma-client-lib.
  mkdirSync(clientDir, { recursive: true });
  project = createCliProject({
    endpoint: `${worker.url}/blog/dev`,
    datamodel: DATAMODEL,
    secret: SERVICE_SECRET,
    extraYaml: `generate:\n  - generator: typescript-client\n    output: ${JSON.stringify(clientDir + '/')}\n`,
  });
  const env = { PRISMA_MANAGEMENT_API_SECRET: MANAGEMENT_SECRET };
  deployed = await runPrisma1(['deploy', '--no-generate'], { cwd: project.dir, env, timeoutMs: 90_000 });
  timings.push(`deploy --no-generate ${(deployed.durationMs / 1000).toFixed(1)} s`);
  if (deployed.code !== 0) throw new Error(`prisma1 deploy --no-generate failed:\n${deployed.stdout}\n${deployed.stderr}`);
  filesAfterDeploy = readdirSync(clientDir);
  generated = await runPrisma1(['generate'], { cwd: project.dir, env, timeoutMs: 90_000 });
  timings.push(`generate ${(generated.durationMs / 1000).toFixed(1)} s`);
  if (generated.code !== 0) throw new Error(`prisma1 generate failed:\n${generated.stdout}\n${generated.stderr}`);
  // The generated TypeScript, unchanged: Vitest transpiles it, and its imports (prisma-client-lib,
  // ./prisma-schema) resolve from this package.
  const client = await import(pathToFileURL(join(clientDir, 'index.ts')).href);
  prisma = DEBUG ? new client.Prisma({ debug: true }) : client.prisma;
  if (DEBUG) logFrames(prisma._subscriptionClient);
}, 300_000);

afterAll(async () => {
  // Before the worker goes: the client reconnects (`reconnect: true`) to a server that went away.
  for (const stream of openStreams) await stream.close();
  prisma?._subscriptionClient.close();
  if (worker) {
    const code = await stopWorker(worker);
    if (code !== 0) console.error(`the worker exited with ${String(code)}:\n${worker.output()}`);
  }
  await database?.drop();
  project?.cleanup();
  rmSync(clientDir, { recursive: true, force: true });
  if (timings.length > 0) console.info(`timings: ${timings.join(', ')}`);
});

// ——— subscriptions ———

const TIMED_OUT = Symbol('timed out');

/**
 * Reads one `$subscribe` AsyncIterator with deadlines. The values of the probes (see `prime`) are
 * skipped by `next`. prisma-client-lib hands a subscription error to the iterator as a value (the
 * `errors` array): that is thrown here.
 */
class EventStream<T> {
  private pending: Promise<IteratorResult<T>> | null = null;

  constructor(
    readonly name: string,
    private readonly iterator: AsyncIterator<T>,
    readonly isProbe: (value: T) => boolean,
  ) {
    openStreams.add(this);
  }

  /** The next value within `ms`, or TIMED_OUT (the read stays pending for the next call). */
  async poll(ms: number): Promise<T | typeof TIMED_OUT> {
    this.pending ??= this.iterator.next();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)));
    const result = await Promise.race([this.pending, timeout]);
    clearTimeout(timer);
    if (result === TIMED_OUT) return TIMED_OUT;
    this.pending = null;
    if (result.done) throw new Error(`${this.name}: the subscription ended`);
    const value: unknown = result.value;
    if (Array.isArray(value) && value.length > 0 && value.every((e) => typeof e?.message === 'string')) {
      throw new Error(`${this.name}: the subscription failed: ${value.map((e) => e.message).join('; ')}`);
    }
    return result.value;
  }

  /** The next event that is not a probe's. */
  async next(ms = 15_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await this.poll(Math.max(deadline - Date.now(), 0));
      if (value === TIMED_OUT) throw new Error(`${this.name}: no event within ${ms} ms`);
      if (!this.isProbe(value)) return value;
    }
  }

  /** Ends the subscription (the client sends `stop`). */
  async close(): Promise<void> {
    openStreams.delete(this);
    await this.iterator.return?.();
  }
}

/**
 * A subscription starts asynchronously (the client connects lazily, `graphql-ws` confirms no start)
 * and only sees writes committed once the server runs it. So: write probes until each stream has
 * delivered one, and only then the test's own writes. Later probe events are skipped by `next`.
 */
async function prime(streams: EventStream<any>[], probe: (round: number) => Promise<void>, ms = 30_000): Promise<number> {
  const waiting = new Set(streams);
  const deadline = Date.now() + ms;
  let round = 0;
  for (; waiting.size > 0; round++) {
    if (Date.now() > deadline) throw new Error(`no probe event reached ${[...waiting].map((s) => s.name).join(', ')} within ${ms} ms`);
    await probe(round);
    for (const stream of [...waiting]) {
      const value = await stream.poll(250);
      if (value === TIMED_OUT) continue;
      if (!stream.isProbe(value)) throw new Error(`${stream.name}: an event before the test wrote anything: ${JSON.stringify(value)}`);
      waiting.delete(stream);
    }
  }
  return round;
}

/** Debug aid: prints the frames of prisma-client-lib's SubscriptionClient (subscriptions-transport-ws). */
function logFrames(client: any): void {
  const received = client.processReceivedData.bind(client);
  client.processReceivedData = (data: unknown) => {
    console.log(`WS <- ${String(data)}`);
    received(data);
  };
  const sent = client.sendMessageRaw.bind(client);
  client.sendMessageRaw = (message: unknown) => {
    if (client.client?.readyState === 1) console.log(`WS -> ${JSON.stringify(message)}`);
    sent(message);
  };
}

// ——— tests ———

describe('prisma1 generate', () => {
  it('writes the TypeScript client that deploy --no-generate left out, for this endpoint and secret', () => {
    expect(deployed.stdout).toContain('Your Prisma endpoint is live');
    expect(deployed.stdout).not.toContain('Saving Prisma Client');
    expect(filesAfterDeploy).toEqual([]);

    expect(generated.stderr).toBe('');
    expect(generated.stdout).toContain(`Saving Prisma Client (TypeScript) at ${clientDir}/`);
    // Offline: nothing beyond loopback but the usage statistics, which the guard swallowed.
    expect(generated.blocked.filter((b) => b.kind !== 'telemetry')).toEqual([]);
    expect(readdirSync(clientDir).sort()).toEqual(['index.ts', 'prisma-schema.ts']);

    const index = readFileSync(join(clientDir, 'index.ts'), 'utf8');
    expect(index).toContain('// Code generated by Prisma (prisma@1.34.12). DO NOT EDIT.');
    expect(index).toContain('from "prisma-client-lib"');
    expect(index).toContain(`endpoint: \`${worker.url}/blog/dev\``);
    expect(index).toContain(`secret: \`${SERVICE_SECRET}\``);
    expect(index).toMatch(/\$subscribe: Subscription;/);
    expect(index).toMatch(/post: \(\s*where\?: PostSubscriptionWhereInput\s*\) => PostSubscriptionPayloadSubscription;/);
    expect(index).toMatch(/postsConnection: \(args\?: \{/);
    expect(index).toMatch(/export type PostStatus = "DRAFT" \| "PUBLISHED" \| "ARCHIVED";/);
    const schema = readFileSync(join(clientDir, 'prisma-schema.ts'), 'utf8');
    expect(schema).toContain('type Subscription {');
    expect(schema).toContain('following(where: UserWhereInput');
    // Its imports resolve to this package's published prisma-client-lib 1.34.12 (and graphql 14).
    const fromClient = createRequire(join(clientDir, 'index.ts'));
    expect(fromClient.resolve('prisma-client-lib')).toBe(createRequire(import.meta.url).resolve('prisma-client-lib'));
    expect(fromClient('prisma-client-lib/package.json').version).toBe('1.34.12');
    expect(fromClient('graphql/package.json').version).toMatch(/^14\./);
  });
});

describe('an app on a client made by prisma1 generate', () => {
  const ANN_PREFERENCES = { theme: 'dark', languages: ['en', 'de'], digest: { weekly: true, hour: 7 } };
  let ann: any;
  let bob: any;
  let cat: any;
  let bobComment: any;
  let catComment: any;

  it('signs users up with nested creates across 1:1, 1:n, n:m and self relations', async () => {
    ann = await prisma.createUser({
      email: 'ann@blog.io',
      name: 'Ann',
      role: 'ADMIN',
      birthday: '1988-04-12T08:30:00.000Z',
      preferences: ANN_PREFERENCES,
      nicknames: { set: ['annie', 'a'] },
      profile: { create: { bio: 'Writes about databases', website: 'https://ann.blog' } },
      posts: {
        create: [
          {
            slug: 'hello-world',
            title: 'Hello World',
            status: 'PUBLISHED',
            publishedAt: '2019-03-01T09:00:00.000Z',
            rating: 4.5,
            metadata: { readingMinutes: 3, sources: ['rfc', null] },
            keywords: { set: ['intro', 'hello'] },
            tags: { create: [{ label: 'news' }, { label: 'tech' }] },
          },
          { slug: 'draft-notes', title: 'Draft notes' },
        ],
      },
    });
    expect(ann).toEqual({
      id: CUID,
      email: 'ann@blog.io',
      name: 'Ann',
      role: 'ADMIN',
      createdAt: ISO,
      updatedAt: ISO,
      birthday: '1988-04-12T08:30:00.000Z',
      preferences: ANN_PREFERENCES,
      nicknames: ['annie', 'a'],
    });

    bob = await prisma.createUser({
      email: 'bob@blog.io',
      name: 'Bob',
      mentor: { connect: { email: 'ann@blog.io' } },
      following: { connect: [{ email: 'ann@blog.io' }] },
      posts: {
        create: [
          // A DateTime with an offset is stored (and returned) in UTC.
          { slug: 'bobs-take', title: "Bob's take", status: 'PUBLISHED', publishedAt: '2019-06-15T20:45:30.250+02:00', tags: { connect: [{ label: 'tech' }], create: [{ label: 'life' }] } },
        ],
      },
      comments: { create: [{ text: 'Great post!', post: { connect: { slug: 'hello-world' } } }] },
    });
    expect(bob).toEqual({ id: CUID, email: 'bob@blog.io', name: 'Bob', role: 'USER', createdAt: ISO, updatedAt: ISO, birthday: null, preferences: null, nicknames: [] });
    [bobComment] = await prisma.user({ email: 'bob@blog.io' }).comments();
    expect(bobComment).toEqual({ id: CUID, text: 'Great post!', createdAt: ISO });

    cat = await prisma.createUser({
      email: 'cat@blog.io',
      name: 'Cat',
      role: 'EDITOR',
      mentor: { connect: { email: 'ann@blog.io' } },
      following: { connect: [{ email: 'ann@blog.io' }, { email: 'bob@blog.io' }] },
      comments: { create: [{ text: 'Agreed', post: { connect: { slug: 'hello-world' } }, replyTo: { connect: { id: bobComment.id } } }] },
    });
    [catComment] = await prisma.user({ email: 'cat@blog.io' }).comments();

    // 1:1, both ways.
    const profile = await prisma.user({ email: 'ann@blog.io' }).profile();
    expect(profile).toEqual({ id: CUID, bio: 'Writes about databases', website: 'https://ann.blog' });
    expect(await prisma.profile({ id: profile.id }).user()).toEqual(ann);
    expect(await prisma.user({ email: 'bob@blog.io' }).profile()).toBeNull();
    // 1:n with defaults, Json, DateTime, Float, enum and a scalar list.
    expect(await prisma.user({ email: 'ann@blog.io' }).posts({ orderBy: 'slug_ASC' })).toEqual([
      post({ slug: 'draft-notes', title: 'Draft notes' }),
      post({
        slug: 'hello-world',
        title: 'Hello World',
        status: 'PUBLISHED',
        publishedAt: '2019-03-01T09:00:00.000Z',
        rating: 4.5,
        metadata: { readingMinutes: 3, sources: ['rfc', null] },
        keywords: ['intro', 'hello'],
      }),
    ]);
    expect(await prisma.post({ slug: 'bobs-take' })).toEqual(post({ slug: 'bobs-take', title: "Bob's take", status: 'PUBLISHED', publishedAt: '2019-06-15T18:45:30.250Z' }));
    expect(await prisma.post({ slug: 'bobs-take' }).author()).toEqual(bob);
    // n:m, both ways.
    expect(labels(await prisma.post({ slug: 'bobs-take' }).tags({ orderBy: 'label_ASC' }))).toEqual(['life', 'tech']);
    expect(slugs(await prisma.tag({ label: 'tech' }).posts({ orderBy: 'slug_ASC' }))).toEqual(['bobs-take', 'hello-world']);
    // Self relations: 1:n (mentor / mentees) and n:m (following / followers).
    expect(await prisma.user({ email: 'ann@blog.io' }).mentees({ orderBy: 'name_ASC' })).toEqual([bob, cat]);
    expect(await prisma.user({ email: 'cat@blog.io' }).mentor()).toEqual(ann);
    expect(names(await prisma.user({ email: 'ann@blog.io' }).followers({ orderBy: 'name_ASC' }))).toEqual(['Bob', 'Cat']);
    expect(names(await prisma.user({ email: 'cat@blog.io' }).following({ orderBy: 'name_ASC' }))).toEqual(['Ann', 'Bob']);
    expect(names(await prisma.user({ email: 'bob@blog.io' }).followers())).toEqual(['Cat']);
    expect(await prisma.user({ email: 'ann@blog.io' }).following()).toEqual([]);
    // Comments: 1:n to post and author, and the reply self relation.
    expect(await prisma.comment({ id: catComment.id }).replyTo()).toEqual(bobComment);
    expect(await prisma.comment({ id: bobComment.id }).replies()).toEqual([catComment]);
    expect(await prisma.comment({ id: catComment.id }).post()).toMatchObject({ slug: 'hello-world' });
  });

  it('reads a feed with fragments, chained relations, filters and $exists', async () => {
    const FEED = `fragment Feed on Post {
      slug title publishedAt keywords
      author { name profile { bio } }
      tags(orderBy: label_ASC) { label }
      comments(orderBy: text_DESC) { text author { name } replyTo { text } }
    }`;
    expect(await prisma.posts({ where: { status: 'PUBLISHED' }, orderBy: 'publishedAt_DESC' }).$fragment(FEED)).toEqual([
      {
        slug: 'bobs-take',
        title: "Bob's take",
        publishedAt: '2019-06-15T18:45:30.250Z',
        keywords: [],
        author: { name: 'Bob', profile: null },
        tags: [{ label: 'life' }, { label: 'tech' }],
        comments: [],
      },
      {
        slug: 'hello-world',
        title: 'Hello World',
        publishedAt: '2019-03-01T09:00:00.000Z',
        keywords: ['intro', 'hello'],
        author: { name: 'Ann', profile: { bio: 'Writes about databases' } },
        tags: [{ label: 'news' }, { label: 'tech' }],
        comments: [
          { text: 'Great post!', author: { name: 'Bob' }, replyTo: null },
          { text: 'Agreed', author: { name: 'Cat' }, replyTo: { text: 'Great post!' } },
        ],
      },
    ]);
    expect(
      await prisma.user({ email: 'ann@blog.io' }).$fragment(`fragment SignUpNetwork on User {
        name nicknames preferences
        mentees(orderBy: name_ASC) { name mentor { name } }
        followers(orderBy: name_ASC) { name following(orderBy: name_ASC) { name } }
        following { name }
      }`),
    ).toEqual({
      name: 'Ann',
      nicknames: ['annie', 'a'],
      preferences: ANN_PREFERENCES,
      mentees: [
        { name: 'Bob', mentor: { name: 'Ann' } },
        { name: 'Cat', mentor: { name: 'Ann' } },
      ],
      followers: [
        { name: 'Bob', following: [{ name: 'Ann' }] },
        { name: 'Cat', following: [{ name: 'Ann' }, { name: 'Bob' }] },
      ],
      following: [],
    });
    // A fragment at the end of a chain.
    expect(await prisma.user({ email: 'ann@blog.io' }).posts({ where: { status: 'DRAFT' } }).$fragment('fragment Draft on Post { slug author { email } tags { label } }')).toEqual([
      { slug: 'draft-notes', author: { email: 'ann@blog.io' }, tags: [] },
    ]);
    // Filters on DateTime, enums, relations and lists of relations.
    expect(slugs(await prisma.posts({ where: { publishedAt_lt: '2019-06-15T18:45:30.250Z' } }))).toEqual(['hello-world']);
    expect(slugs(await prisma.posts({ where: { publishedAt_gte: '2019-06-15T18:45:30.250Z' } }))).toEqual(['bobs-take']);
    expect(names(await prisma.users({ where: { role_in: ['ADMIN', 'EDITOR'] }, orderBy: 'email_DESC' }))).toEqual(['Cat', 'Ann']);
    expect(await prisma.users({ where: { birthday_lt: '1990-01-01T00:00:00.000Z' } })).toEqual([ann]);

    expect(await prisma.$exists.user({ posts_some: { tags_some: { label: 'life' } } })).toBe(true);
    expect(await prisma.$exists.user({ email: 'ann@blog.io', followers_every: { mentor: { email: 'ann@blog.io' } } })).toBe(true);
    expect(await prisma.$exists.user({ email: 'cat@blog.io', following_none: { role: 'ADMIN' } })).toBe(false);
    expect(await prisma.$exists.user({ role: 'EDITOR', mentor: { role: 'ADMIN' }, following_some: { name: 'Bob' } })).toBe(true);
    expect(await prisma.$exists.comment({ replyTo: { author: { email: 'bob@blog.io' } } })).toBe(true);
    expect(await prisma.$exists.post({ publishedAt_gt: '2019-06-01T00:00:00.000Z', author: { role: 'USER' } })).toBe(true);
    expect(await prisma.$exists.post({ status: 'ARCHIVED' })).toBe(false);
    expect(await prisma.$exists.profile({ user: { email: 'bob@blog.io' } })).toBe(false);
  });

  it('pages through connections and counts with aggregates', async () => {
    // Five creates issued together travel in one batched request.
    const pages = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => prisma.createPost({ slug: `page-${n}`, title: `Page ${n}`, views: n * 10, author: { connect: { email: 'cat@blog.io' } } })),
    );
    expect(slugs(pages)).toEqual(['page-1', 'page-2', 'page-3', 'page-4', 'page-5']);
    const ids = pages.map((page: any) => page.id);
    const edge = (n: number) => ({ cursor: ids[n - 1], node: pages[n - 1] });
    const where = { slug_starts_with: 'page-' };

    const first = await prisma.postsConnection({ where, orderBy: 'slug_ASC', first: 2 });
    expect(first).toEqual({ pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: ids[0], endCursor: ids[1] }, edges: [edge(1), edge(2)] });
    const second = await prisma.postsConnection({ where, orderBy: 'slug_ASC', first: 2, after: first.pageInfo.endCursor });
    expect(second).toEqual({ pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: ids[2], endCursor: ids[3] }, edges: [edge(3), edge(4)] });
    const third = await prisma.postsConnection({ where, orderBy: 'slug_ASC', first: 2, after: second.pageInfo.endCursor });
    expect(third).toEqual({ pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: ids[4], endCursor: ids[4] }, edges: [edge(5)] });
    // Backwards.
    expect(await prisma.postsConnection({ where, orderBy: 'slug_ASC', last: 2 })).toEqual({
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: ids[3], endCursor: ids[4] },
      edges: [edge(4), edge(5)],
    });
    expect((await prisma.postsConnection({ where, orderBy: 'slug_ASC', last: 2, before: ids[3] })).edges).toEqual([edge(2), edge(3)]);
    // skip + first on a list, ordered by an Int.
    expect(slugs(await prisma.posts({ where, orderBy: 'views_DESC', skip: 1, first: 2 }))).toEqual(['page-4', 'page-3']);

    // Aggregates, with the connection's arguments.
    expect(await prisma.postsConnection({ where }).aggregate().count()).toBe(5);
    expect(await prisma.postsConnection({ where, first: 2, skip: 4 }).aggregate().count()).toBe(1);
    expect(await prisma.postsConnection().aggregate().count()).toBe(8);
    expect(await prisma.usersConnection({ where: { mentor: { email: 'ann@blog.io' } } }).aggregate().count()).toBe(2);
    expect(await prisma.commentsConnection({ where: { post: { slug: 'hello-world' } } }).aggregate().count()).toBe(2);
    expect(await prisma.tagsConnection({ where: { posts_some: { author: { email: 'bob@blog.io' } } } }).aggregate().count()).toBe(2);
    // A connection through a fragment: aggregate, page info and nodes with a relation.
    expect(
      await prisma
        .postsConnection({ where, orderBy: 'slug_DESC', first: 1 })
        .$fragment('fragment Page on PostConnection { aggregate { count } pageInfo { hasNextPage endCursor } edges { node { slug author { name } } } }'),
    ).toEqual({ aggregate: { count: 1 }, pageInfo: { hasNextPage: true, endCursor: ids[4] }, edges: [{ node: { slug: 'page-5', author: { name: 'Cat' } } }] });
  });

  it('edits through nested updates across 1:1, 1:n, n:m and self relations', async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const edited = await prisma.updateUser({
      where: { email: 'ann@blog.io' },
      data: {
        name: 'Ann Archer',
        preferences: { theme: 'light', languages: ['en'] },
        nicknames: { set: ['ann'] },
        profile: { update: { bio: 'Editor in chief' } },
        mentees: { disconnect: [{ email: 'cat@blog.io' }] },
        posts: {
          update: [
            {
              where: { slug: 'draft-notes' },
              data: {
                title: 'Release notes',
                status: 'PUBLISHED',
                publishedAt: '2019-09-09T09:09:09.009Z',
                keywords: { set: ['release'] },
                tags: { connect: [{ label: 'life' }], create: [{ label: 'howto' }] },
              },
            },
          ],
          create: [{ slug: 'second-post', title: 'Second post', metadata: { draft: true } }],
        },
      },
    });
    expect(edited).toEqual({ ...ann, name: 'Ann Archer', preferences: { theme: 'light', languages: ['en'] }, nicknames: ['ann'], updatedAt: ISO });
    expect(Date.parse(edited.updatedAt)).toBeGreaterThan(Date.parse(ann.updatedAt));

    await prisma.updateUser({
      where: { email: 'bob@blog.io' },
      data: { profile: { upsert: { create: { bio: 'Bob here' }, update: { bio: 'never' } } }, following: { connect: [{ email: 'cat@blog.io' }] } },
    });
    await prisma.updateUser({ where: { email: 'cat@blog.io' }, data: { mentor: { connect: { email: 'bob@blog.io' } }, following: { disconnect: [{ email: 'bob@blog.io' }] } } });
    await prisma.updatePost({
      where: { slug: 'hello-world' },
      data: {
        views: 100,
        tags: { set: [{ label: 'news' }] },
        comments: {
          update: [{ where: { id: catComment.id }, data: { text: 'Agreed!' } }],
          create: [{ text: 'Thanks both', author: { connect: { email: 'ann@blog.io' } }, replyTo: { connect: { id: bobComment.id } } }],
        },
      },
    });
    expect(await prisma.upsertTag({ where: { label: 'howto' }, create: { label: 'never' }, update: { label: 'how-to' } })).toEqual({ id: CUID, label: 'how-to' });

    const NETWORK = `fragment Network on User {
      name profile { bio }
      mentor { name } mentees(orderBy: name_ASC) { name }
      following(orderBy: name_ASC) { name } followers(orderBy: name_ASC) { name }
    }`;
    expect(await prisma.users({ where: { email_in: ['ann@blog.io', 'bob@blog.io', 'cat@blog.io'] }, orderBy: 'email_ASC' }).$fragment(NETWORK)).toEqual([
      { name: 'Ann Archer', profile: { bio: 'Editor in chief' }, mentor: null, mentees: [{ name: 'Bob' }], following: [], followers: [{ name: 'Bob' }, { name: 'Cat' }] },
      { name: 'Bob', profile: { bio: 'Bob here' }, mentor: { name: 'Ann Archer' }, mentees: [{ name: 'Cat' }], following: [{ name: 'Ann Archer' }, { name: 'Cat' }], followers: [] },
      { name: 'Cat', profile: null, mentor: { name: 'Bob' }, mentees: [], following: [{ name: 'Ann Archer' }], followers: [{ name: 'Bob' }] },
    ]);
    expect(
      await prisma
        .user({ email: 'ann@blog.io' })
        .posts({ orderBy: 'slug_ASC' })
        .$fragment('fragment AnnPost on Post { slug title status publishedAt views metadata keywords tags(orderBy: label_ASC) { label } }'),
    ).toEqual([
      { slug: 'draft-notes', title: 'Release notes', status: 'PUBLISHED', publishedAt: '2019-09-09T09:09:09.009Z', views: 0, metadata: null, keywords: ['release'], tags: [{ label: 'how-to' }, { label: 'life' }] },
      { slug: 'hello-world', title: 'Hello World', status: 'PUBLISHED', publishedAt: '2019-03-01T09:00:00.000Z', views: 100, metadata: { readingMinutes: 3, sources: ['rfc', null] }, keywords: ['intro', 'hello'], tags: [{ label: 'news' }] },
      { slug: 'second-post', title: 'Second post', status: 'DRAFT', publishedAt: null, views: 0, metadata: { draft: true }, keywords: [], tags: [] },
    ]);
    expect(slugs(await prisma.tag({ label: 'tech' }).posts())).toEqual(['bobs-take']);
    expect(await prisma.post({ slug: 'hello-world' }).comments({ orderBy: 'text_ASC' }).$fragment('fragment Thread on Comment { text author { name } replyTo { text } replies(orderBy: text_ASC) { text } }')).toEqual([
      { text: 'Agreed!', author: { name: 'Cat' }, replyTo: { text: 'Great post!' }, replies: [] },
      { text: 'Great post!', author: { name: 'Bob' }, replyTo: null, replies: [{ text: 'Agreed!' }, { text: 'Thanks both' }] },
      { text: 'Thanks both', author: { name: 'Ann Archer' }, replyTo: { text: 'Great post!' }, replies: [] },
    ]);
  });

  it('runs batch mutations and reports their counts', async () => {
    const archived = await prisma.updateManyPosts({ where: { slug_starts_with: 'page-', views_gte: 30 }, data: { status: 'ARCHIVED', keywords: { set: ['old'] } } });
    expect(archived).toEqual({ count: 3 });
    expect(await prisma.posts({ where: { status: 'ARCHIVED' }, orderBy: 'slug_ASC' }).$fragment('fragment Archived on Post { slug keywords }')).toEqual([
      { slug: 'page-3', keywords: ['old'] },
      { slug: 'page-4', keywords: ['old'] },
      { slug: 'page-5', keywords: ['old'] },
    ]);
    expect(await prisma.updateManyUsers({ where: { mentor: { email: 'ann@blog.io' } }, data: { role: 'EDITOR', nicknames: { set: ['mentee'] } } })).toEqual({ count: 1 });
    expect(await prisma.user({ email: 'bob@blog.io' })).toMatchObject({ role: 'EDITOR', nicknames: ['mentee'] });
    expect(await prisma.updateManyComments({ where: { replyTo: { id: bobComment.id } }, data: { text: 'A reply' } })).toEqual({ count: 2 });
    expect(await prisma.updateManyTags({ where: { label: 'nothing' }, data: { label: 'still nothing' } })).toEqual({ count: 0 });

    expect(await prisma.deleteManyPosts({ status: 'ARCHIVED' })).toEqual({ count: 3 });
    expect(await prisma.postsConnection({ where: { slug_starts_with: 'page-' } }).aggregate().count()).toBe(2);
    await prisma.createTag({ label: 'orphan' });
    expect(await prisma.deleteManyTags({ posts_none: {} })).toEqual({ count: 1 });
    expect(labels(await prisma.tags({ orderBy: 'label_ASC' }))).toEqual(['how-to', 'life', 'news', 'tech']);
    expect(await prisma.deleteManyComments({ text: 'A reply' })).toEqual({ count: 2 });
    expect(await prisma.deleteManyComments({ text_contains: 'nothing' })).toEqual({ count: 0 });
    expect(await prisma.commentsConnection().aggregate().count()).toBe(1);
  });

  it('streams CREATED, UPDATED and DELETED events to $subscribe', async () => {
    const PROBE_USER = 'probe@live.io';
    await prisma.createUser({ email: PROBE_USER, name: 'Probe' });
    const isProbePost = (slug: string | undefined) => slug?.startsWith('probe-') === true;

    // Every Post event, full payload: mutation, node, updatedFields, previousValues.
    const posts = new EventStream<any>('posts', await prisma.$subscribe.post(), (e) => isProbePost((e.node ?? e.previousValues)?.slug));
    // Created or updated posts not hidden, only the node.
    const shown = new EventStream<any>(
      'shown',
      await prisma.$subscribe.post({ mutation_in: ['CREATED', 'UPDATED'], node: { slug_not_starts_with: 'hidden-' } }).node(),
      (node) => isProbePost(node?.slug),
    );
    // Users whose role was written, through a fragment reaching into a relation.
    const roles = new EventStream<any>(
      'roles',
      await prisma.$subscribe
        .user({ updatedFields_contains: 'role' })
        .$fragment('fragment Role on UserSubscriptionPayload { mutation updatedFields node { email role nicknames posts(orderBy: slug_ASC) { slug } } previousValues { role } }'),
      (e) => e.node?.email === PROBE_USER,
    );
    // Deleted users, only their values before.
    const departures = new EventStream<any>('departures', await prisma.$subscribe.user({ mutation_in: ['DELETED'] }).previousValues(), (v) => v?.email.startsWith('probe-'));

    const started = performance.now();
    const rounds = await prime([posts, shown, roles, departures], async (round) => {
      await prisma.createPost({ slug: `probe-${round}`, title: 'Probe', status: 'PUBLISHED', author: { connect: { email: PROBE_USER } } });
      await prisma.updateUser({ where: { email: PROBE_USER }, data: { role: round % 2 === 0 ? 'EDITOR' : 'USER' } });
      await prisma.createUser({ email: `probe-${round}@live.io`, name: 'Probe' });
      await prisma.deleteUser({ email: `probe-${round}@live.io` });
    });
    timings.push(`subscriptions live after ${rounds} probe round(s), ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // A nested create: CREATED for the post.
    const liv = await prisma.createUser({
      email: 'liv@live.io',
      name: 'Liv',
      nicknames: { set: ['liv'] },
      posts: { create: [{ slug: 'live-1', title: 'Live one', metadata: { v: 1 }, keywords: { set: ['live'] } }] },
    });
    const live1 = post({ slug: 'live-1', title: 'Live one', metadata: { v: 1 }, keywords: ['live'] });
    expect(await posts.next()).toEqual({ mutation: 'CREATED', node: live1, updatedFields: null, previousValues: null });
    expect(await shown.next()).toEqual(live1);

    // A hidden post: every Post subscriber but `shown` hears of it.
    await prisma.createPost({ slug: 'hidden-1', title: 'Hidden', author: { connect: { email: 'liv@live.io' } } });
    expect(await posts.next()).toMatchObject({ mutation: 'CREATED', node: { slug: 'hidden-1' } });

    // An update: the written fields (scalar list included), the values before and after.
    await prisma.updatePost({ where: { slug: 'live-1' }, data: { title: 'Live one, edited', status: 'PUBLISHED', publishedAt: '2020-02-29T12:00:00.000Z', keywords: { set: ['live', 'edited'] } } });
    const edited = post({ slug: 'live-1', title: 'Live one, edited', status: 'PUBLISHED', publishedAt: '2020-02-29T12:00:00.000Z', metadata: { v: 1 }, keywords: ['live', 'edited'] });
    const update = await posts.next();
    expect(update).toEqual({ mutation: 'UPDATED', node: edited, updatedFields: expect.any(Array), previousValues: live1 });
    expect([...update.updatedFields].sort()).toEqual(['keywords', 'publishedAt', 'status', 'title']);
    expect(update.node.id).toBe(update.previousValues.id);
    // `shown` skipped hidden-1's CREATED.
    expect(await shown.next()).toEqual(edited);

    // updateMany sends no events (spec §9.6): the next Post event is the delete.
    expect(await prisma.updateManyPosts({ where: { author: { email: 'liv@live.io' } }, data: { views: 5 } })).toEqual({ count: 2 });
    await prisma.deletePost({ slug: 'live-1' });
    expect(await posts.next()).toEqual({ mutation: 'DELETED', node: null, updatedFields: null, previousValues: { ...edited, views: 5 } });

    // `shown` does not take DELETED: its next event is the next create.
    await prisma.createPost({ slug: 'live-2', title: 'Live two', status: 'PUBLISHED', author: { connect: { email: 'liv@live.io' } } });
    const live2 = post({ slug: 'live-2', title: 'Live two', status: 'PUBLISHED' });
    expect(await posts.next()).toEqual({ mutation: 'CREATED', node: live2, updatedFields: null, previousValues: null });
    expect(await shown.next()).toEqual(live2);

    // updatedFields_contains: an update without `role` is not sent, one with it is (with @updatedAt).
    await prisma.updateUser({ where: { email: 'liv@live.io' }, data: { name: 'Liv B' } });
    await prisma.updateUser({ where: { email: 'liv@live.io' }, data: { role: 'ADMIN', nicknames: { set: ['liv', 'boss'] } } });
    const promoted = await roles.next();
    expect(promoted).toEqual({
      mutation: 'UPDATED',
      updatedFields: expect.any(Array),
      node: { email: 'liv@live.io', role: 'ADMIN', nicknames: ['liv', 'boss'], posts: [{ slug: 'hidden-1' }, { slug: 'live-2' }] },
      previousValues: { role: 'USER' },
    });
    expect([...promoted.updatedFields].sort()).toEqual(['nicknames', 'role', 'updatedAt']);
    expect(liv.role).toBe('USER');

    // A deleted user's values before, with Json, DateTime, an enum and a scalar list.
    const leaving = await prisma.createUser({
      email: 'leaving@live.io',
      name: 'Leaving',
      role: 'EDITOR',
      birthday: '2001-01-01T00:00:00.000Z',
      preferences: { farewell: ['bye', 1] },
      nicknames: { set: ['gone', 'soon'] },
    });
    expect(await prisma.deleteUser({ email: 'leaving@live.io' })).toEqual(leaving);
    expect(await departures.next()).toEqual(leaving);

    // Nested writes inside an update: UPDATED for the nested update, CREATED for the nested create
    // (the order of two events of one mutation is not specified).
    await prisma.updateUser({
      where: { email: 'liv@live.io' },
      data: { posts: { update: [{ where: { slug: 'live-2' }, data: { views: 7 } }], create: [{ slug: 'live-3', title: 'Live three' }] } },
    });
    const nested = [await posts.next(), await posts.next()].sort((a, b) => a.mutation.localeCompare(b.mutation));
    expect(nested).toMatchObject([
      { mutation: 'CREATED', node: post({ slug: 'live-3', title: 'Live three' }), updatedFields: null, previousValues: null },
      { mutation: 'UPDATED', node: { ...live2, views: 7 }, updatedFields: ['views'] },
    ]);
    // upsert: CREATED through its create branch, UPDATED through its update branch.
    const upsert = { where: { slug: 'live-4' }, create: { slug: 'live-4', title: 'Live four', author: { connect: { email: 'liv@live.io' } } }, update: { title: 'Live four, again' } };
    await prisma.upsertPost(upsert);
    expect(await posts.next()).toMatchObject({ mutation: 'CREATED', node: { slug: 'live-4', title: 'Live four' } });
    await prisma.upsertPost(upsert);
    expect(await posts.next()).toMatchObject({ mutation: 'UPDATED', node: { slug: 'live-4', title: 'Live four, again' }, updatedFields: ['title'], previousValues: { title: 'Live four' } });
    // A nested delete and deleteMany send no events (spec §9.6): the next one is the top-level delete's.
    await prisma.updateUser({ where: { email: 'liv@live.io' }, data: { posts: { delete: [{ slug: 'hidden-1' }] } } });
    expect(await prisma.deleteManyPosts({ slug: 'live-3' })).toEqual({ count: 1 });
    await prisma.deletePost({ slug: 'live-4' });
    expect(await posts.next()).toMatchObject({ mutation: 'DELETED', node: null, previousValues: { slug: 'live-4', title: 'Live four, again' } });

    for (const stream of [posts, shown, roles, departures]) await stream.close();
  }, 90_000);
});
