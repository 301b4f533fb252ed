// Hundreds of overlapping nested mutations on the same few nodes, through many connections at
// once (spec §8.1: one transaction per root field; §8.7: the required-relation rules; §8.9: unique
// violations). Timing is left to chance (a seeded shuffle fixes only the mix and its order of
// submission); the checks are deterministic: every mutation either applied whole or not at all
// (each leaves a footprint named after it), the unique and required-relation rules hold afterwards,
// errors are only the Prisma codes its kind allows, and no lock, transaction or client is left over.
import { SqlExecutor, WriteRunner } from '@refract/pg-executor';
import { useTestDatabase } from '@refract/shared/testing';
import { getOperationAST, getVariableValues, parse, specifiedRules, validate } from 'graphql';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { documentLimitsRule, fragmentsOf, runMutationOperation, type MutationPorts, type PlanContext } from '../src/index.js';
import { Engine, LIMITS } from './engine.harness.js';

const datamodel = `
type Account { id: ID! @id  email: String! @unique  balance: Int!  profile: Profile  posts: [Post!]! }
type Profile { id: ID! @id  account: Account! @relation(link: INLINE)  bio: String }
type Post { id: ID! @id  slug: String! @unique  title: String!  stamp: Int!  batch: Int!  author: Account!  tags: [Tag] }
type Tag { id: ID! @id  label: String! @unique  note: String  posts: [Post] }
`;

/** Accounts a0..a5 each keep an anchor post nobody moves or deletes; a0..a2 have a profile. */
const ACCOUNTS = ['a0', 'a1', 'a2', 'a3', 'a4', 'a5'];
/** Accounts without posts or profile, which deletes and creates race for. */
const LONELY = ['z0', 'z1', 'z2'];
const MOVABLE = Array.from({ length: 10 }, (_, k) => `mv-${k}`);
const RETAGGED = ['tt-0', 'tt-1', 'tt-2', 'tt-3'];
const DOOMED_POSTS = Array.from({ length: 6 }, (_, k) => `del-${k}`);
const TAGS = ['t0', 't1', 't2', 't3', 't4'];
const DOOMED_TAGS = ['d0', 'd1', 'd2'];
/** h0, h1 exist from the start; h2, h3 are created by whichever mutation comes first. */
const HOT_LABELS = ['h0', 'h1', 'h2', 'h3'];
const SEEDED_HOT = new Set(['h0', 'h1']);
const HOT_SLUGS = ['hot-0', 'hot-1', 'hot-2', 'hot-3'];

const values = (rows: readonly string[]) => rows.join(',\n  ');
const seed = `
INSERT INTO "Account" ("id", "email", "balance") VALUES
  ${values([...ACCOUNTS, ...LONELY].map((a) => `('${a}', '${a}@x.io', 0)`))};
INSERT INTO "Profile" ("id", "bio", "account") VALUES ('pr0', 'seed', 'a0'), ('pr1', 'seed', 'a1'), ('pr2', 'seed', 'a2');
INSERT INTO "Tag" ("id", "label", "note") VALUES
  ${values([...TAGS, ...DOOMED_TAGS].map((t) => `('${t}', '${t}', NULL)`))},
  ('h0', 'h0', 'seed'), ('h1', 'h1', 'seed');
INSERT INTO "Post" ("id", "slug", "title", "stamp", "batch", "author") VALUES
  ${values([
    ...ACCOUNTS.map((a, k) => `('anc${k}', 'anc-${k}', 'anchor', 0, 0, '${a}')`),
    ...MOVABLE.map((s, k) => `('mv${k}', '${s}', 'seed', 0, 0, 'a${k % 6}')`),
    ...RETAGGED.map((s, k) => `('tt${k}', '${s}', 'seed', 0, 0, 'a${k}')`),
    ...DOOMED_POSTS.map((s, k) => `('del${k}', '${s}', 'seed', 0, 0, 'a${k % 6}')`),
  ])};
INSERT INTO "_PostToTag" ("A", "B") VALUES
  ${values([
    ...RETAGGED.flatMap((_, k) => [`('tt${k}', 't0')`, `('tt${k}', 't1')`]),
    ...DOOMED_POSTS.map((_, k) => `('del${k}', 't${k % 5}')`),
    ...DOOMED_POSTS.map((_, k) => `('del${k}', 'd${k % 3}')`),
    `('anc0', 'd0')`,
    `('mv0', 't4')`,
  ])};
`;

// ---------------------------------------------------------------------------------------------
// The mix: each mutation knows its kind, the nodes it addresses, the codes it may fail with, and
// its marker `m` (its index), which every node it creates or value it writes carries.

type Mutation =
  /** updateAccount with three nested post creates (tags connected); the third slug may be hot (3010). */
  | { kind: 'nestedPosts'; account: string; third: string; tagY: string }
  /** createAccount with profile and two posts, the second creating a tag whose label may be taken (3010). */
  | { kind: 'deepAccount'; label: string }
  /** createPost connecting its author: one INSERT outside a transaction. */
  | { kind: 'singleCreate'; slug: string; account: string }
  /** updatePost moving a post to another author, writing title and stamp with it. */
  | { kind: 'move'; post: string; account: string }
  /** upsertTag on a hot label, both branches creating a post linked to it. */
  | { kind: 'upsertTag'; label: string; account: string }
  /** updatePost replacing a post's tags. */
  | { kind: 'setTags'; post: string; labels: string[] }
  /** updatePost connecting one tag and disconnecting another (3041 when that one is not linked). */
  | { kind: 'retag'; post: string; add: string; remove: string }
  /** deleteAccount of an account with an anchor post: always 3042. */
  | { kind: 'deleteAnchored'; account: string }
  /** updateAccount writing the balance and disconnecting a required post: always 3042. */
  | { kind: 'disconnectAnchor'; account: string }
  | { kind: 'deletePost'; post: string }
  /** updateAccount creating a receipt post, then deleting a doomed post (3041 when not its author). */
  | { kind: 'nestedDelete'; account: string; post: string }
  | { kind: 'moveDoomed'; post: string; account: string }
  | { kind: 'updateMany' }
  /** updateAccount creating a profile (3042 when the account has one). */
  | { kind: 'profileFromAccount'; account: string }
  /** createProfile connecting an account (3042 when the account has one). */
  | { kind: 'profileConnect'; account: string }
  | { kind: 'deleteLonely'; account: string }
  | { kind: 'deleteTag'; label: string }
  /** createPost connecting t0 and a doomed tag (3039 once that tag is gone). */
  | { kind: 'doomedTagPost'; account: string; label: string };

type Planned = Mutation & { readonly m: string; readonly i: number };

interface Outcome {
  readonly mutation: Planned;
  /** Prisma code, or `unexpected: …` for anything else (a leaked deadlock, an internal error). */
  readonly code: number | string | null;
  /** `{<root field>: value}` of a success. */
  readonly data: any;
  /** How often the transaction body ran (> 1: retried after a deadlock/serialization failure). */
  readonly attempts: number;
}

/** mulberry32: a small seeded generator, so the mix and its submission order are reproducible. */
function random(seedValue: number): () => number {
  let a = seedValue;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildMix(next: () => number): Planned[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const mix: Mutation[] = [];
  const times = (n: number, make: (k: number) => Mutation) => {
    for (let k = 0; k < n; k++) mix.push(make(k));
  };
  // A hot slug is fought over on "its" account (hot-k on a(k)) by nested creates and single creates.
  times(48, (k) => (k % 3 === 0 ? { kind: 'nestedPosts', account: `a${(k / 3) % 4}`, third: HOT_SLUGS[(k / 3) % 4]!, tagY: pick(TAGS) } : { kind: 'nestedPosts', account: pick(ACCOUNTS), third: '', tagY: pick(TAGS) }));
  times(24, (k) => ({ kind: 'deepAccount', label: k < 10 ? HOT_LABELS[k % 4]! : '' }));
  times(36, (k) => (k < 10 ? { kind: 'singleCreate', slug: HOT_SLUGS[k % 4]!, account: `a${k % 4}` } : k < 20 ? { kind: 'singleCreate', slug: '', account: LONELY[k % 3]! } : { kind: 'singleCreate', slug: '', account: pick(ACCOUNTS) }));
  times(36, () => ({ kind: 'move', post: pick(MOVABLE), account: pick(ACCOUNTS) }));
  times(24, (k) => ({ kind: 'upsertTag', label: HOT_LABELS[k % 4]!, account: pick(ACCOUNTS) }));
  times(16, (k) => ({ kind: 'setTags', post: RETAGGED[k % 4]!, labels: TAGS.filter(() => next() < 0.5) }));
  times(16, (k) => {
    const add = pick(TAGS);
    return { kind: 'retag', post: RETAGGED[k % 4]!, add, remove: pick(TAGS.filter((t) => t !== add)) };
  });
  times(8, (k) => ({ kind: 'deleteAnchored', account: ACCOUNTS[k % 6]! }));
  times(8, (k) => ({ kind: 'disconnectAnchor', account: ACCOUNTS[k % 6]! }));
  times(12, (k) => ({ kind: 'deletePost', post: DOOMED_POSTS[k % 6]! }));
  times(16, (k) => ({ kind: 'nestedDelete', account: pick(ACCOUNTS), post: DOOMED_POSTS[k % 6]! }));
  times(6, (k) => ({ kind: 'moveDoomed', post: DOOMED_POSTS[k]!, account: pick(ACCOUNTS) }));
  times(10, () => ({ kind: 'updateMany' }));
  times(12, (k) => ({ kind: 'profileFromAccount', account: k < 9 ? ACCOUNTS[k % 6]! : LONELY[k % 3]! }));
  times(12, (k) => ({ kind: 'profileConnect', account: k < 9 ? ACCOUNTS[(k + 3) % 6]! : LONELY[k % 3]! }));
  times(9, (k) => ({ kind: 'deleteLonely', account: LONELY[k % 3]! }));
  times(6, (k) => ({ kind: 'deleteTag', label: DOOMED_TAGS[k % 3]! }));
  times(12, (k) => ({ kind: 'doomedTagPost', account: pick(ACCOUNTS), label: DOOMED_TAGS[k % 3]! }));
  const planned = mix.map((mutation, i) => ({ ...mutation, i, m: `m${i}` }) as Planned);
  // Fisher-Yates with the seeded generator: kinds interleave, and the same run order each time.
  for (let k = planned.length - 1; k > 0; k--) {
    const j = Math.floor(next() * (k + 1));
    [planned[k], planned[j]] = [planned[j]!, planned[k]!];
  }
  return planned;
}

const s = (value: string) => JSON.stringify(value);
const email = (account: string) => `${account}@x.io`;
/** Slug of the post created with a hot slug, or of the marker's own post. */
const slugOr = (slug: string, m: string) => (slug === '' ? m : slug);

function queryOf(mutation: Planned): string {
  const { m, i } = mutation;
  switch (mutation.kind) {
    case 'nestedPosts':
      return `mutation { updateAccount(where: {email: ${s(email(mutation.account))}}, data: {balance: ${i}, posts: {create: [
        {slug: ${s(`${m}-1`)}, title: ${s(m)}, stamp: ${i}, batch: 0, tags: {connect: [{label: "t1"}, {label: "t2"}]}},
        {slug: ${s(`${m}-2`)}, title: ${s(m)}, stamp: ${i}, batch: 0, tags: {connect: [{label: ${s(mutation.tagY)}}]}},
        {slug: ${s(slugOr(mutation.third, `${m}-3`))}, title: ${s(m)}, stamp: ${i}, batch: 0}]}})
        { email posts(where: {title: ${s(m)}}, orderBy: slug_ASC) { slug tags(orderBy: label_ASC) { label } } } }`;
    case 'deepAccount':
      return `mutation { createAccount(data: {email: ${s(email(m))}, balance: 1, profile: {create: {bio: ${s(m)}}}, posts: {create: [
        {slug: ${s(`${m}-1`)}, title: ${s(m)}, stamp: ${i}, batch: 0, tags: {connect: [{label: "t3"}]}},
        {slug: ${s(`${m}-2`)}, title: ${s(m)}, stamp: ${i}, batch: 0, tags: {create: [{label: ${s(slugOr(mutation.label, `${m}-tag`))}}]}}]}})
        { email profile { bio } posts(orderBy: slug_ASC) { slug tags { label } } } }`;
    case 'singleCreate':
      return `mutation { createPost(data: {slug: ${s(slugOr(mutation.slug, m))}, title: ${s(m)}, stamp: ${i}, batch: 0, author: {connect: {email: ${s(email(mutation.account))}}}}) { slug author { email } } }`;
    case 'move':
    case 'moveDoomed':
      return `mutation { updatePost(where: {slug: ${s(mutation.post)}}, data: {title: ${s(m)}, stamp: ${i}, author: {connect: {email: ${s(email(mutation.account))}}}}) { slug stamp author { email } } }`;
    case 'upsertTag': {
      const post = `{slug: ${s(m)}, title: ${s(m)}, stamp: ${i}, batch: 0, author: {connect: {email: ${s(email(mutation.account))}}}}`;
      return `mutation { upsertTag(where: {label: ${s(mutation.label)}}, create: {label: ${s(mutation.label)}, note: ${s(m)}, posts: {create: [${post}]}}, update: {note: ${s(m)}, posts: {create: [${post}]}}) { label note posts { slug } } }`;
    }
    case 'setTags':
      return `mutation { updatePost(where: {slug: ${s(mutation.post)}}, data: {title: ${s(m)}, tags: {set: [${mutation.labels.map((l) => `{label: ${s(l)}}`).join(', ')}]}}) { slug tags(orderBy: label_ASC) { label } } }`;
    case 'retag':
      return `mutation { updatePost(where: {slug: ${s(mutation.post)}}, data: {title: ${s(m)}, tags: {connect: [{label: ${s(mutation.add)}}], disconnect: [{label: ${s(mutation.remove)}}]}}) { slug tags(orderBy: label_ASC) { label } } }`;
    case 'deleteAnchored':
    case 'deleteLonely':
      return `mutation { deleteAccount(where: {email: ${s(email(mutation.account))}}) { email } }`;
    case 'disconnectAnchor':
      return `mutation { updateAccount(where: {email: ${s(email(mutation.account))}}, data: {balance: ${i}, posts: {disconnect: [{slug: ${s(`anc-${mutation.account.slice(1)}`)}}]}}) { email } }`;
    case 'deletePost':
      return `mutation { deletePost(where: {slug: ${s(mutation.post)}}) { slug } }`;
    case 'nestedDelete':
      return `mutation { updateAccount(where: {email: ${s(email(mutation.account))}}, data: {balance: ${i}, posts: {create: [{slug: ${s(`${m}-r`)}, title: ${s(m)}, stamp: ${i}, batch: 0}], delete: [{slug: ${s(mutation.post)}}]}}) { email } }`;
    case 'updateMany':
      return `mutation { updateManyPosts(where: {slug_starts_with: "mv-"}, data: {batch: ${i}}) { count } }`;
    case 'profileFromAccount':
      return `mutation { updateAccount(where: {email: ${s(email(mutation.account))}}, data: {balance: ${i}, profile: {create: {bio: ${s(m)}}}}) { email profile { bio } } }`;
    case 'profileConnect':
      return `mutation { createProfile(data: {bio: ${s(m)}, account: {connect: {email: ${s(email(mutation.account))}}}}) { bio account { email } } }`;
    case 'deleteTag':
      return `mutation { deleteTag(where: {label: ${s(mutation.label)}}) { label } }`;
    case 'doomedTagPost':
      return `mutation { createPost(data: {slug: ${s(m)}, title: ${s(m)}, stamp: ${i}, batch: 0, author: {connect: {email: ${s(email(mutation.account))}}}, tags: {connect: [{label: "t0"}, {label: ${s(mutation.label)}}]}}) { slug tags(orderBy: label_ASC) { label } } }`;
  }
}

/** The error codes a mutation may end with, given what else runs at the same time. */
function allowedCodes(mutation: Planned): readonly number[] {
  switch (mutation.kind) {
    case 'nestedPosts':
      return mutation.third === '' ? [] : [3010];
    case 'deepAccount':
      return mutation.label === '' ? [] : [3010];
    case 'singleCreate':
      // A lonely account may be deleted first: 3039 (the insert found no author), or 3011 when the
      // delete commits between the insert's read of the author and its foreign-key check (spec
      // §8.9: an FK violation during a create is 3011; Prisma 1 has the same window).
      return mutation.slug !== '' ? [3010] : LONELY.includes(mutation.account) ? [3039, 3011] : [];
    case 'upsertTag':
      // Two upserts that both find no h2 both create it: one of them violates the unique label.
      return SEEDED_HOT.has(mutation.label) ? [] : [3010];
    case 'retag':
      return [3041];
    case 'deleteAnchored':
    case 'disconnectAnchor':
      return [3042];
    case 'deletePost':
    case 'moveDoomed':
    case 'deleteTag':
    case 'doomedTagPost':
      return [3039];
    case 'nestedDelete':
      return [3039, 3041];
    case 'profileFromAccount':
    case 'profileConnect':
      return LONELY.includes(mutation.account) ? [3039, 3042] : [3042];
    case 'deleteLonely':
      return [3039, 3042];
    case 'move':
    case 'setTags':
    case 'updateMany':
      return [];
  }
}

// ---------------------------------------------------------------------------------------------
// An Engine-like mutation runner on a pool of its own (the harness's pool has node-postgres' 10).

class ConcurrentRunner {
  private readonly writes: WriteRunner;

  constructor(
    private readonly engine: Engine,
    private readonly pool: pg.Pool,
  ) {
    this.writes = new WriteRunner(pool, new SqlExecutor(pool));
  }

  async run(mutation: Planned): Promise<Outcome> {
    const query = queryOf(mutation);
    const document = parse(query);
    const invalid = validate(this.engine.graphqlSchema, document, [...specifiedRules, documentLimitsRule(LIMITS)]);
    if (invalid.length > 0) throw new Error(`${mutation.kind}: ${invalid.map((e) => e.message).join('; ')}`);
    const operation = getOperationAST(document)!;
    const coerced = getVariableValues(this.engine.graphqlSchema, operation.variableDefinitions ?? [], {});
    if (coerced.errors) throw new Error(coerced.errors.map((e) => e.message).join('; '));
    const ctx: PlanContext = { schema: this.engine.schema, graphqlSchema: this.engine.graphqlSchema, fragments: fragmentsOf(document), variables: coerced.coerced, limits: LIMITS };
    let attempts = 0;
    const ports: MutationPorts = {
      transaction: (work) =>
        this.writes.transaction((session) => {
          attempts++;
          return work(session);
        }),
      autocommit: this.writes.autocommit,
    };
    const [result] = await runMutationOperation(ctx, this.engine.schemaName, operation, ports);
    if (!result) throw new Error('no root field result');
    if ('error' in result) {
      const error = result.error as { prismaCode?: number; code?: string; message?: string };
      const code = typeof error.prismaCode === 'number' ? error.prismaCode : `unexpected: ${error.code ?? ''} ${error.message ?? String(error)}`;
      return { mutation, code, data: null, attempts };
    }
    return { mutation, code: null, data: { [result.key]: JSON.parse(result.text ?? 'null') as unknown }, attempts };
  }
}

// ---------------------------------------------------------------------------------------------
// What the database holds afterwards.

interface PostRow {
  slug: string;
  title: string;
  stamp: number;
  batch: number;
  author: string | null;
}

interface State {
  posts: Map<string, PostRow>;
  postsByTitle: Map<string, PostRow[]>;
  tagsOf: (slug: string) => string[];
  postsOfTag: (label: string) => string[];
  accounts: Map<string, number>;
  profiles: { bio: string | null; email: string | null }[];
  /** Label → note. */
  tags: Map<string, string | null>;
  tagIds: Map<string, string>;
}

async function readState(engine: Engine): Promise<State> {
  const posts = (await engine.rows(`SELECT p."slug", p."title", p."stamp", p."batch", a."email" AS "author" FROM "Post" p LEFT JOIN "Account" a ON a."id" = p."author"`)) as unknown as PostRow[];
  const links = (await engine.rows(`SELECT p."slug", t."label" FROM "_PostToTag" l JOIN "Post" p ON p."id" = l."A" JOIN "Tag" t ON t."id" = l."B"`)) as { slug: string; label: string }[];
  const accounts = (await engine.rows(`SELECT "email", "balance" FROM "Account"`)) as { email: string; balance: number }[];
  const profiles = (await engine.rows(`SELECT pr."bio", a."email" FROM "Profile" pr LEFT JOIN "Account" a ON a."id" = pr."account"`)) as State['profiles'];
  const tags = (await engine.rows(`SELECT "id", "label", "note" FROM "Tag"`)) as { id: string; label: string; note: string | null }[];
  const postsByTitle = new Map<string, PostRow[]>();
  for (const post of posts) postsByTitle.set(post.title, [...(postsByTitle.get(post.title) ?? []), post]);
  return {
    posts: new Map(posts.map((p) => [p.slug, p])),
    postsByTitle,
    tagsOf: (slug) => links.filter((l) => l.slug === slug).map((l) => l.label).sort(),
    postsOfTag: (label) => links.filter((l) => l.label === label).map((l) => l.slug).sort(),
    accounts: new Map(accounts.map((a) => [a.email, a.balance])),
    profiles,
    tags: new Map(tags.map((t) => [t.label, t.note])),
    tagIds: new Map(tags.map((t) => [t.label, t.id])),
  };
}

/** SQL invariants that hold whatever the interleaving was; each query lists what breaks its rule. */
const INVARIANTS: Readonly<Record<string, string>> = {
  'post without an (existing) author': `SELECT "slug" FROM "Post" p WHERE p."author" IS NULL OR NOT EXISTS (SELECT 1 FROM "Account" a WHERE a."id" = p."author")`,
  'profile without an (existing) account': `SELECT "id" FROM "Profile" pr WHERE pr."account" IS NULL OR NOT EXISTS (SELECT 1 FROM "Account" a WHERE a."id" = pr."account")`,
  'two profiles for one account (1:1)': `SELECT "account" FROM "Profile" GROUP BY "account" HAVING count(*) > 1`,
  'duplicate Account.email': `SELECT "email" FROM "Account" GROUP BY "email" HAVING count(*) > 1`,
  'duplicate Post.slug': `SELECT "slug" FROM "Post" GROUP BY "slug" HAVING count(*) > 1`,
  'duplicate Tag.label': `SELECT "label" FROM "Tag" GROUP BY "label" HAVING count(*) > 1`,
  'link row to a missing node': `SELECT "A", "B" FROM "_PostToTag" l WHERE NOT EXISTS (SELECT 1 FROM "Post" p WHERE p."id" = l."A") OR NOT EXISTS (SELECT 1 FROM "Tag" t WHERE t."id" = l."B")`,
  'duplicate link row': `SELECT "A", "B" FROM "_PostToTag" GROUP BY "A", "B" HAVING count(*) > 1`,
};

/**
 * Every rule the outcomes and the final state must satisfy; returns the broken ones, each naming
 * the mutation (its marker and kind) so a failure points at the interleaving that broke it.
 */
function checkOutcomes(outcomes: readonly Outcome[], state: State): string[] {
  const broken: string[] = [];
  const fail = (outcome: Outcome | null, rule: string) => broken.push(outcome ? `${outcome.mutation.m} ${outcome.mutation.kind} (${outcome.code ?? 'ok'}): ${rule}` : rule);
  const ok = (o: Outcome) => o.code === null;
  const of = <K extends Planned['kind']>(kind: K) => outcomes.filter((o) => o.mutation.kind === kind) as (Outcome & { mutation: Extract<Planned, { kind: K }> })[];
  const titled = (m: string) => state.postsByTitle.get(m) ?? [];
  const sameSet = (a: readonly string[], b: readonly string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

  for (const o of outcomes) {
    if (o.code !== null && !allowedCodes(o.mutation).includes(o.code as number)) fail(o, `error not allowed for this kind: ${String(o.code)}`);
  }

  // Whole or nothing, per mutation.
  for (const o of of('nestedPosts')) {
    const { m, account, third, tagY } = o.mutation;
    const expected = [
      { slug: `${m}-1`, tags: ['t1', 't2'] },
      { slug: `${m}-2`, tags: [tagY] },
      { slug: slugOr(third, `${m}-3`), tags: [] },
    ];
    const posts = titled(m);
    if (!ok(o)) {
      if (posts.length > 0) fail(o, `failed but left posts ${posts.map((p) => p.slug).join(', ')}`);
      continue;
    }
    if (!sameSet(posts.map((p) => p.slug), expected.map((e) => e.slug))) fail(o, `posts ${posts.map((p) => p.slug).join(', ')} instead of ${expected.map((e) => e.slug).join(', ')}`);
    for (const e of expected) {
      const post = state.posts.get(e.slug);
      if (post && post.title === m && post.author !== email(account)) fail(o, `${e.slug} has author ${post.author}`);
      if (post && post.title === m && !sameSet(state.tagsOf(e.slug), e.tags)) fail(o, `${e.slug} has tags ${state.tagsOf(e.slug).join(',')}`);
    }
    const returned = (o.data?.updateAccount?.posts ?? []).map((p: any) => `${p.slug}:${p.tags.map((t: any) => t.label).join('+')}`);
    const wanted = [...expected].sort((a, b) => (a.slug < b.slug ? -1 : 1)).map((e) => `${e.slug}:${[...e.tags].sort().join('+')}`);
    if (JSON.stringify(returned) !== JSON.stringify(wanted)) fail(o, `returned ${JSON.stringify(returned)}`);
  }
  for (const o of of('deepAccount')) {
    const { m, label } = o.mutation;
    const tagLabel = slugOr(label, `${m}-tag`);
    const posts = titled(m);
    const profiles = state.profiles.filter((p) => p.bio === m);
    if (!ok(o)) {
      if (state.accounts.has(email(m)) || posts.length > 0 || profiles.length > 0 || (label === '' && state.tags.has(tagLabel))) fail(o, 'failed but left its account, profile, posts or tag');
      continue;
    }
    if (state.accounts.get(email(m)) !== 1) fail(o, 'account missing or changed');
    if (profiles.length !== 1 || profiles[0]!.email !== email(m)) fail(o, `profiles ${JSON.stringify(profiles)}`);
    if (!sameSet(posts.map((p) => p.slug), [`${m}-1`, `${m}-2`]) || posts.some((p) => p.author !== email(m))) fail(o, `posts ${JSON.stringify(posts)}`);
    if (!sameSet(state.tagsOf(`${m}-1`), ['t3']) || !sameSet(state.tagsOf(`${m}-2`), [tagLabel])) fail(o, `tags ${state.tagsOf(`${m}-1`)} / ${state.tagsOf(`${m}-2`)}`);
  }
  for (const o of of('singleCreate')) {
    const { m, slug, account } = o.mutation;
    const posts = titled(m);
    if (!ok(o)) {
      if (posts.length > 0) fail(o, 'failed but left its post');
    } else if (posts.length !== 1 || posts[0]!.slug !== slugOr(slug, m) || posts[0]!.author !== email(account)) fail(o, `posts ${JSON.stringify(posts)}`);
    if (ok(o) && o.data?.createPost?.author?.email !== email(account)) fail(o, `returned ${JSON.stringify(o.data)}`);
  }
  for (const o of of('upsertTag')) {
    const { m, label, account } = o.mutation;
    const posts = titled(m);
    if (!ok(o)) {
      if (posts.length > 0) fail(o, 'failed but left its post');
      continue;
    }
    if (posts.length !== 1 || posts[0]!.slug !== m || posts[0]!.author !== email(account)) fail(o, `posts ${JSON.stringify(posts)}`);
    if (!sameSet(state.tagsOf(m), [label])) fail(o, `its post has tags ${state.tagsOf(m).join(',')}`);
    if (!(o.data?.upsertTag?.posts ?? []).some((p: any) => p.slug === m)) fail(o, `returned ${JSON.stringify(o.data)}`);
  }
  for (const o of [...of('nestedDelete')]) {
    const { m, account } = o.mutation;
    const posts = titled(m);
    if (!ok(o)) {
      if (posts.length > 0) fail(o, 'failed but left its receipt post');
    } else if (posts.length !== 1 || posts[0]!.slug !== `${m}-r` || posts[0]!.author !== email(account)) fail(o, `receipt ${JSON.stringify(posts)}`);
  }
  for (const o of [...of('profileFromAccount'), ...of('profileConnect')]) {
    const profiles = state.profiles.filter((p) => p.bio === o.mutation.m);
    if (!ok(o) && profiles.length > 0) fail(o, 'failed but left its profile');
    if (ok(o) && (profiles.length !== 1 || profiles[0]!.email !== email(o.mutation.account))) fail(o, `profiles ${JSON.stringify(profiles)}`);
  }
  for (const o of of('doomedTagPost')) {
    const { m, account } = o.mutation;
    const posts = titled(m);
    if (!ok(o)) {
      if (posts.length > 0) fail(o, 'failed but left its post');
      continue;
    }
    // The doomed tag is gone by now (one delete of it always succeeds), and its link with it.
    if (posts.length !== 1 || posts[0]!.author !== email(account) || !sameSet(state.tagsOf(m), ['t0'])) fail(o, `post ${JSON.stringify(posts)} tags ${state.tagsOf(m).join(',')}`);
  }
  for (const o of [...of('deleteAnchored'), ...of('disconnectAnchor')]) {
    if (ok(o)) fail(o, 'an account with a required post was deleted or lost it');
  }
  for (const o of [...of('move'), ...of('setTags'), ...of('updateMany')]) {
    if (!ok(o)) fail(o, 'must always succeed');
  }
  for (const o of of('updateMany')) {
    if (ok(o) && o.data?.updateManyPosts?.count !== MOVABLE.length) fail(o, `count ${JSON.stringify(o.data)}`);
  }

  // Rows several mutations write: the last writer's values, all from the same writer.
  for (const slug of MOVABLE) {
    const post = state.posts.get(slug);
    const movers = of('move').filter((o) => o.mutation.post === slug && ok(o));
    const last = movers.find((o) => o.mutation.m === post?.title);
    if (!post) fail(null, `${slug} is gone`);
    else if (movers.length > 0 && (!last || post.stamp !== last.mutation.i || post.author !== email(last.mutation.account))) fail(last ?? null, `${slug} mixes writers: ${JSON.stringify(post)}`);
    else if (movers.length === 0 && post.title !== 'seed') fail(null, `${slug} changed without a mover: ${JSON.stringify(post)}`);
  }
  const batches = new Set(MOVABLE.map((slug) => state.posts.get(slug)?.batch));
  const lastBatch = of('updateMany').find((o) => ok(o) && batches.has(o.mutation.i));
  if (batches.size !== 1 || (of('updateMany').some(ok) && !lastBatch)) fail(null, `updateManyPosts left mixed batches ${[...batches].join(',')}`);
  for (const slug of RETAGGED) {
    const post = state.posts.get(slug);
    const writers = [...of('setTags'), ...of('retag')].filter((o) => o.mutation.post === slug);
    const last = writers.find((o) => o.mutation.m === post?.title);
    const tags = state.tagsOf(slug);
    if (!post || !last || !ok(last)) fail(last ?? null, `${slug} has title ${post?.title} from no successful writer`);
    else if (last.mutation.kind === 'setTags' && !sameSet(tags, last.mutation.labels)) fail(last, `${slug} has tags ${tags.join(',')}`);
    else if (last.mutation.kind === 'retag' && (!tags.includes(last.mutation.add) || tags.includes(last.mutation.remove))) fail(last, `${slug} has tags ${tags.join(',')}`);
  }
  for (const o of of('setTags')) {
    const returned = (o.data?.updatePost?.tags ?? []).map((t: any) => t.label);
    if (ok(o) && !sameSet(returned, o.mutation.labels)) fail(o, `returned tags ${returned.join(',')}`);
  }
  const balanceWriters = [...of('nestedPosts'), ...of('disconnectAnchor'), ...of('nestedDelete'), ...of('profileFromAccount')];
  for (const account of [...ACCOUNTS, ...LONELY]) {
    const balance = state.accounts.get(email(account));
    if (balance === undefined || balance === 0) continue;
    const writer = balanceWriters.find((o) => o.mutation.account === account && o.mutation.i === balance);
    if (!writer || !ok(writer)) fail(writer ?? null, `${account} has balance ${balance}, written by no successful mutation`);
  }

  // Hot slugs and labels: exactly one creator wins.
  for (const slug of HOT_SLUGS) {
    const creators = [...of('nestedPosts').filter((o) => o.mutation.third === slug), ...of('singleCreate').filter((o) => o.mutation.slug === slug)];
    const winners = creators.filter(ok);
    if (creators.length > 0 && winners.length !== 1) fail(null, `${slug}: ${winners.length} creators succeeded`);
    if (winners.length === 1 && state.posts.get(slug)?.title !== winners[0]!.mutation.m) fail(winners[0]!, `${slug} is ${JSON.stringify(state.posts.get(slug))}`);
  }
  for (const label of HOT_LABELS) {
    const upserts = of('upsertTag').filter((o) => o.mutation.label === label && ok(o));
    const deep = of('deepAccount').filter((o) => o.mutation.label === label && ok(o));
    if (SEEDED_HOT.has(label)) {
      // Seeded, never deleted: every upsert updated it, every create of it failed.
      if (deep.length > 0 || state.tagIds.get(label) !== label) fail(null, `${label} was created again (${deep.length} account creates succeeded)`);
    } else {
      // An upsert took the create branch when its answer shows its own post only (an update adds
      // its post to the creator's).
      const created = [...upserts.filter((o) => o.data.upsertTag.posts.length === 1), ...deep];
      if (created.length !== (upserts.length + deep.length > 0 ? 1 : 0)) fail(null, `${label}: ${created.length} creators succeeded`);
    }
    const expectedPosts = [...upserts.map((o) => o.mutation.m), ...deep.map((o) => `${o.mutation.m}-2`)];
    if (!sameSet(state.postsOfTag(label), expectedPosts)) fail(null, `${label} is linked to ${state.postsOfTag(label).join(',')} instead of ${expectedPosts.join(',')}`);
    const note = state.tags.get(label);
    if (upserts.length > 0 && !upserts.some((o) => o.mutation.m === note)) fail(null, `${label} has note ${note}, from no successful upsert`);
  }

  // Profiles: a0..a2 keep theirs; a3..a5 get exactly one; a lonely account at most one.
  for (const account of [...ACCOUNTS, ...LONELY]) {
    const makers = [...of('profileFromAccount'), ...of('profileConnect')].filter((o) => o.mutation.account === account);
    const winners = makers.filter(ok);
    const profiles = state.profiles.filter((p) => p.email === email(account));
    const seeded = ['a0', 'a1', 'a2'].includes(account);
    const wanted = seeded ? 0 : ACCOUNTS.includes(account) && makers.length > 0 ? 1 : winners.length;
    if (winners.length !== wanted || winners.length > 1) fail(null, `${account}: ${winners.length} profile creations succeeded`);
    const bio = seeded ? 'seed' : winners[0]?.mutation.m;
    if (bio !== undefined && (profiles.length !== 1 || profiles[0]!.bio !== bio)) fail(null, `${account} has profiles ${JSON.stringify(profiles)}`);
  }

  // Deletes: the anchored accounts stay; a doomed post or tag is deleted exactly once; a lonely
  // account is deleted only if nothing was attached to it first.
  for (const account of ACCOUNTS) {
    if (!state.accounts.has(email(account)) || !state.posts.has(`anc-${account.slice(1)}`)) fail(null, `${account} or its anchor post is gone`);
  }
  for (const slug of DOOMED_POSTS) {
    const deleted = [...of('deletePost').filter((o) => o.mutation.post === slug), ...of('nestedDelete').filter((o) => o.mutation.post === slug)].filter(ok);
    if (deleted.length !== 1 || state.posts.has(slug)) fail(null, `${slug}: deleted ${deleted.length} times, ${state.posts.has(slug) ? 'still there' : 'gone'}`);
  }
  for (const label of DOOMED_TAGS) {
    const deleted = of('deleteTag').filter((o) => o.mutation.label === label && ok(o));
    if (deleted.length !== 1 || state.tags.has(label)) fail(null, `${label}: deleted ${deleted.length} times`);
  }
  for (const account of LONELY) {
    const deletes = of('deleteLonely').filter((o) => o.mutation.account === account && ok(o));
    const attached = [...of('singleCreate'), ...of('profileFromAccount'), ...of('profileConnect')].filter((o) => o.mutation.account === account && ok(o));
    const exists = state.accounts.has(email(account));
    if (exists ? deletes.length !== 0 : deletes.length !== 1 || attached.length !== 0) fail(null, `${account}: ${exists ? 'exists' : 'deleted'}, ${deletes.length} deletes and ${attached.length} attachments succeeded`);
  }
  return broken;
}

// ---------------------------------------------------------------------------------------------

const CONNECTIONS = 20;
const SETTLE_MS = 100_000;

async function settleWithin<T>(promises: readonly Promise<T>[], ms: number): Promise<{ results: T[] } | { pending: number }> {
  let settled = 0;
  for (const p of promises) void p.then(() => settled++, () => settled++);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  const all = await Promise.race([Promise.all(promises), timeout]);
  clearTimeout(timer);
  return all === 'timeout' ? { pending: promises.length - settled } : { results: all };
}

describe('nested mutations under concurrency', () => {
  const database = useTestDatabase({ prefix: 'writes_concurrency' });
  let schemas = 0;

  it.each([1, 2])('run %i: every mutation applies whole or not at all, rules hold, nothing stays locked', { timeout: 150_000 }, async (run) => {
    const engine = await Engine.create(database, `concurrency$${process.pid}_${schemas++}`, { datamodel, seed });
    const pool = database.pool({ max: CONNECTIONS });
    const runner = new ConcurrentRunner(engine, pool);
    const mix = buildMix(random(0x5eed + run));
    expect(mix.length).toBeGreaterThanOrEqual(300);

    const started = performance.now();
    const settled = await settleWithin(
      mix.map((mutation) => runner.run(mutation)),
      SETTLE_MS,
    );
    const elapsed = Math.round(performance.now() - started);
    if ('pending' in settled) expect.fail(`${settled.pending} of ${mix.length} mutations did not settle within ${SETTLE_MS} ms`);
    const outcomes = settled.results;

    // Nothing left waiting, holding a lock, or inside a transaction; every client back in the pool.
    const activity = await engine.rows(`
      SELECT
        (SELECT count(*)::int FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND NOT l.granted) AS "waiting",
        (SELECT count(*)::int FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND l.locktype IN ('relation', 'tuple', 'transactionid')) AS "held",
        (SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%') AS "idleInTransaction"`);
    expect(activity).toEqual([{ waiting: 0, held: 0, idleInTransaction: 0 }]);
    expect({ checkedOut: pool.totalCount - pool.idleCount, waiting: pool.waitingCount }).toEqual({ checkedOut: 0, waiting: 0 });

    const violations = await Promise.all(Object.entries(INVARIANTS).map(async ([rule, text]) => ((await engine.rows(text)).length > 0 ? [`${rule}: ${JSON.stringify(await engine.rows(text))}`] : [])));
    const broken = [...violations.flat(), ...checkOutcomes(outcomes, await readState(engine))];

    const byKind = new Map<string, Record<string, number>>();
    for (const o of outcomes) {
      const counts = byKind.get(o.mutation.kind) ?? {};
      const key = o.code === null ? 'ok' : String(o.code);
      counts[key] = (counts[key] ?? 0) + 1;
      if (o.attempts > 1) counts.retries = (counts.retries ?? 0) + o.attempts - 1;
      byKind.set(o.mutation.kind, counts);
    }
    const retried = outcomes.filter((o) => o.attempts > 1);
    const retries = retried.reduce((n, o) => n + o.attempts - 1, 0);
    console.info(
      `run ${run}: ${outcomes.length} mutations on ${CONNECTIONS} connections in ${elapsed} ms; ${retried.length} retried (${retries} retries, at most ${Math.max(1, ...outcomes.map((o) => o.attempts))} attempts)\n` +
        [...byKind].map(([kind, counts]) => `  ${kind}: ${JSON.stringify(counts)}`).join('\n'),
    );
    expect(broken).toEqual([]);
  });

  // The interleaving the run above hits now and then, made certain: a create that is one INSERT
  // (no BEGIN) inserts a hot slug, then waits in its foreign-key check (FOR KEY SHARE) for the
  // account another write transaction holds FOR UPDATE; that transaction then inserts the same
  // slug and waits for the create. PostgreSQL aborts the create, which waited first, with 40P01.
  // Nothing of it was committed, so the client must see the create retried (3010 here, the other
  // transaction committing the slug), never "deadlock detected".
  it('a single-statement create that loses a deadlock is retried like a transaction', { timeout: 30_000 }, async () => {
    const engine = await Engine.create(database, `concurrency$${process.pid}_${schemas++}`, { datamodel, seed });
    const runner = new ConcurrentRunner(engine, database.pool({ max: 2 }));
    const other = await database.connect();
    try {
      await other.query(`SET search_path TO "${engine.schemaName.replace(/"/g, '""')}"`);
      await other.query('BEGIN');
      // What updateAccount(where: {email: "a0@x.io"}, data: {posts: {create: …}}) does first.
      await other.query(`SELECT "id" FROM "Account" WHERE "email" = 'a0@x.io' FOR UPDATE`);
      const create = runner.run({ kind: 'singleCreate', slug: 'hot-0', account: 'a0', i: 10_000, m: 'm10000' });
      await waitFor(async () => (await engine.rows(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).length === 1);
      const otherInsert = await other
        .query(`INSERT INTO "Post" ("id", "slug", "title", "stamp", "batch", "author") VALUES ('x1', 'hot-0', 'other', 0, 0, 'a0')`)
        .then(
          () => 'inserted',
          (error: { code?: string }) => `failed ${error.code}`,
        );
      await other.query(otherInsert === 'inserted' ? 'COMMIT' : 'ROLLBACK');
      const outcome = await create;
      // Had the other transaction been the victim, the create would have won the slug.
      expect({ otherInsert, code: outcome.code }).toEqual(otherInsert === 'inserted' ? { otherInsert, code: 3010 } : { otherInsert, code: null });
      expect(await engine.rows(`SELECT "title" FROM "Post" WHERE "slug" = 'hot-0'`)).toEqual([{ title: otherInsert === 'inserted' ? 'other' : 'm10000' }]);
    } finally {
      await other.query('ROLLBACK').catch(() => undefined);
    }
  });
});

async function waitFor(condition: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
