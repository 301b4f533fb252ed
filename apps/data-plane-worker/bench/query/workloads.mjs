// The workloads, written once per target, plus the canonical shape every response is reduced to
// before the targets are compared. Whoever changes a query here must keep the three in step: the
// benchmark refuses to measure targets that do not return the same data (query.bench.mjs, step 5).
// (a)–(d) read; (e) writes, and is kept last: see its comment.
//
// Ordering: Prisma breaks ties with `id ASC` (spec §7.3), also after a `_DESC` order, and related
// lists default to `id ASC`. The PostGraphile queries and the raw SQL spell the same tie-breakers out,
// so a page boundary inside a run of equal names or timestamps is the same row for all three.

import { randomBytes } from 'node:crypto';

/** Escapes LIKE wildcards the way Prisma's `_contains` does (spec §7.2: LIKE with escaped input). */
export function likeContains(word) {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const q = (schema, table) => `"${schema}"."${table}"`;

let idCount = 0;
/**
 * A new 25-character id shaped like a cuid (`c`, time, counter, randomness; lower-case base 36),
 * which is what Refract generates for `ID! @id` and what fits the varchar(25) id columns.
 */
export function newId() {
  const time = Date.now().toString(36).padStart(8, '0').slice(-8);
  const count = (idCount++ % 36 ** 4).toString(36).padStart(4, '0');
  const random = randomBytes(8).readBigUInt64BE().toString(36).padStart(12, '0').slice(-12);
  return `c${time}${count}${random}`;
}

const user = (u) => (u === null ? null : { id: u.id, email: u.email, name: u.name });
const post = (p) => ({ id: p.id, title: p.title });

/** Throws on a GraphQL error; the message is kept whole so the caller can recognise "not served yet". */
function data(body) {
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  if (!body.data) throw new Error(`no data in response: ${JSON.stringify(body).slice(0, 300)}`);
  return body.data;
}

/** Title prefix of the posts workload (e) creates; `writes.mjs` finds (and removes) them by it. */
export const WRITE_PREFIX = 'bench-e-';

/**
 * A created post without its id (each target makes its own). The title is `bench-e-<target>-<n> for
 * <email>` (see `fresh` of workload (e)); target and counter are dropped, the rest must agree.
 */
const createdPost = (p, author) => ({
  title: p.title.replace(/^bench-e-[a-z]+-\d+ /, `${WRITE_PREFIX}<target>-<n> `),
  published: p.published,
  author: author === null ? null : { email: author.email },
});

/**
 * Each workload: a name, how its parameters are chosen from the seeded data (`pickParams`), and for
 * each target the request (`query` + `variables`, or the raw server's SQL) and `extract`, which maps
 * that target's response body to the canonical shape. A workload with `fresh` writes: every request
 * gets parameters of its own (`fresh(target, n, params)`), see query/writes.mjs. `goals` overrides
 * report.mjs's GOALS for that workload.
 */
export const WORKLOADS = [
  {
    key: 'a',
    title: 'user by unique email',
    async pickParams(db, schema) {
      // A spread of existing users plus one miss, so `null` is compared too.
      const { rows } = await db.query(`SELECT email FROM ${q(schema, 'User')} ORDER BY md5(id) LIMIT 63`);
      return [...rows.map((r) => ({ email: r.email })), { email: 'nobody@bench.example' }];
    },
    refract: {
      query: 'query ($email: String) { user(where: {email: $email}) { id email name } }',
      variables: (p) => ({ email: p.email }),
      extract: (body) => user(data(body).user),
    },
    postgraphile: {
      // `userByEmail` exists because the server declares `@unique email` as a smart tag: Prisma makes a
      // unique INDEX, while PostGraphile 4 only turns unique CONSTRAINTS into root fields.
      query: 'query ($email: String!) { userByEmail(email: $email) { id email name } }',
      variables: (p) => ({ email: p.email }),
      extract: (body) => user(data(body).userByEmail),
    },
    raw: {
      sql: (s) =>
        `SELECT '{"data":{"user":' || coalesce((SELECT json_build_object('id', id, 'email', email, 'name', name)::text FROM ${q(s, 'User')} WHERE email = $1), 'null') || '}}' AS body`,
      values: (p) => [p.email],
      extract: (body) => user(data(body).user),
    },
  },
  {
    key: 'b',
    title: '20 users by name + 5 latest posts + comments',
    async pickParams(db, schema) {
      // Pages spread over the whole table, and the last (partial) page.
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${q(schema, 'User')}`);
      const n = rows[0].n;
      const skips = new Set();
      for (let i = 0; i < 31; i++) skips.add(Math.floor((i * Math.max(0, n - 20)) / 30));
      skips.add(Math.max(0, n - 10));
      return [...skips].map((skip) => ({ skip }));
    },
    refract: {
      query:
        'query ($skip: Int) { users(orderBy: name_ASC, first: 20, skip: $skip) { id name posts(orderBy: createdAt_DESC, first: 5) { id title comments { id text } } } }',
      variables: (p) => ({ skip: p.skip }),
      extract: (body) =>
        data(body).users.map((u) => ({
          id: u.id,
          name: u.name,
          posts: u.posts.map((p) => ({ ...post(p), comments: p.comments.map((c) => ({ id: c.id, text: c.text })) })),
        })),
    },
    postgraphile: {
      query:
        'query ($skip: Int) { allUsers(orderBy: [NAME_ASC, ID_ASC], first: 20, offset: $skip) { nodes { id name postsByAuthor(orderBy: [CREATED_AT_DESC, ID_ASC], first: 5) { nodes { id title commentsByPost(orderBy: ID_ASC) { nodes { id text } } } } } } }',
      variables: (p) => ({ skip: p.skip }),
      extract: (body) =>
        data(body).allUsers.nodes.map((u) => ({
          id: u.id,
          name: u.name,
          posts: u.postsByAuthor.nodes.map((p) => ({ ...post(p), comments: p.commentsByPost.nodes.map((c) => ({ id: c.id, text: c.text })) })),
        })),
    },
    raw: {
      // One statement, PostgreSQL builds the whole tree: a page of users, per user its 5 latest posts
      // (LIMIT inside the correlated subquery, served by the author index), per post its comments.
      sql: (s) => `SELECT '{"data":{"users":' || coalesce(json_agg(json_build_object(
          'id', u.id, 'name', u.name,
          'posts', (SELECT coalesce(json_agg(json_build_object(
              'id', p.id, 'title', p.title,
              'comments', (SELECT coalesce(json_agg(json_build_object('id', c.id, 'text', c.text) ORDER BY c.id), '[]'::json)
                           FROM ${q(s, 'Comment')} c WHERE c.post = p.id)
            ) ORDER BY p."createdAt" DESC, p.id), '[]'::json)
            FROM (SELECT id, title, "createdAt" FROM ${q(s, 'Post')} WHERE author = u.id ORDER BY "createdAt" DESC, id LIMIT 5) p)
        ) ORDER BY u.name, u.id)::text, '[]') || '}}' AS body
        FROM (SELECT id, name FROM ${q(s, 'User')} ORDER BY name, id LIMIT 20 OFFSET $1) u`,
      values: (p) => [p.skip],
      extract: (body) =>
        data(body).users.map((u) => ({
          id: u.id,
          name: u.name,
          posts: u.posts.map((p) => ({ ...post(p), comments: p.comments.map((c) => ({ id: c.id, text: c.text })) })),
        })),
    },
  },
  {
    key: 'c',
    title: 'published posts, title contains a word, first 50',
    async pickParams(_db, _schema, seed) {
      return seed.queryWords.map((word) => ({ word }));
    },
    refract: {
      query: 'query ($word: String) { posts(where: {published: true, title_contains: $word}, first: 50) { id title } }',
      variables: (p) => ({ word: p.word }),
      extract: (body) => data(body).posts.map(post),
    },
    postgraphile: {
      // `titleContains` is the one condition the server adds (makeAddPgTableConditionPlugin, see
      // postgraphile.server.mjs): core PostGraphile 4 conditions are equality only.
      query:
        'query ($word: String) { allPosts(condition: {published: true, titleContains: $word}, orderBy: ID_ASC, first: 50) { nodes { id title } } }',
      variables: (p) => ({ word: p.word }),
      extract: (body) => data(body).allPosts.nodes.map(post),
    },
    raw: {
      sql: (s) =>
        `SELECT '{"data":{"posts":' || coalesce(json_agg(json_build_object('id', p.id, 'title', p.title) ORDER BY p.id)::text, '[]') || '}}' AS body
         FROM (SELECT id, title FROM ${q(s, 'Post')} WHERE published AND title LIKE $1 ORDER BY id LIMIT 50) p`,
      values: (p) => [likeContains(p.word)],
      extract: (body) => data(body).posts.map(post),
    },
  },
  {
    key: 'd',
    title: 'count of published posts',
    async pickParams() {
      return [{}];
    },
    refract: {
      query: '{ postsConnection(where: {published: true}) { aggregate { count } } }',
      variables: () => ({}),
      extract: (body) => data(body).postsConnection.aggregate.count,
    },
    postgraphile: {
      query: '{ allPosts(condition: {published: true}) { totalCount } }',
      variables: () => ({}),
      extract: (body) => data(body).allPosts.totalCount,
    },
    raw: {
      sql: (s) => `SELECT '{"data":{"count":' || count(*) || '}}' AS body FROM ${q(s, 'Post')} WHERE published`,
      values: () => [],
      extract: (body) => data(body).count,
    },
  },
  {
    // Kept last (WORKLOADS order is run order, in verification and in every round): its inserts are
    // the newest posts of their authors, so a read workload run after it would see them in (b)'s
    // "5 latest posts". Inserted posts are unpublished, so (c) and (d) would not; and after each pass
    // over the workloads the bench checks and deletes them again (writes.mjs), so every round reads
    // the seeded data that was verified, and the table does not grow round after round.
    key: 'e',
    title: 'create a post connected to its author by email',
    goals: { refractVsRaw: 0.5 },
    async pickParams(db, schema) {
      // A spread of existing authors; every target writes the same sequence of (title, author).
      const { rows } = await db.query(`SELECT email FROM ${q(schema, 'User')} ORDER BY md5(id || 'e') LIMIT 64`);
      return rows.map((r) => ({ email: r.email }));
    },
    /**
     * The per-request part, made by the load generator. Titles are unique per target and request and
     * name the author, so the rows can be checked after the run. `id` and `createdAt` are only sent
     * to PostGraphile: it has no id generation for the varchar(25) id column and the columns have no
     * database defaults (Prisma 1 applies `@default`/`@createdAt` in the server), while Refract and
     * the raw server make both themselves. The values written are the same for every target.
     */
    fresh: (target, n, p) => ({ ...p, title: `${WRITE_PREFIX}${target}-${n} for ${p.email}`, id: newId(), createdAt: new Date().toISOString() }),
    refract: {
      query:
        'mutation ($title: String!, $email: String!) { createPost(data: {title: $title, author: {connect: {email: $email}}}) { id title published author { email } } }',
      variables: (p) => ({ title: p.title, email: p.email }),
      extract: (body) => createdPost(data(body).createPost, data(body).createPost.author),
    },
    postgraphile: {
      // `userToAuthor.connectByEmail` comes from postgraphile-plugin-nested-mutations; the plugin
      // offers `connectBy<Key>` for every unique constraint, the smart-tag one on email included
      // (see postgraphile.server.mjs). `published` is spelled out: no database default.
      query:
        'mutation ($id: String!, $title: String!, $createdAt: Datetime!, $email: String!) { createPost(input: {post: {id: $id, title: $title, published: false, createdAt: $createdAt, userToAuthor: {connectByEmail: {email: $email}}}}) { post { id title published userByAuthor { email } } } }',
      variables: (p) => ({ id: p.id, title: p.title, createdAt: p.createdAt, email: p.email }),
      extract: (body) => createdPost(data(body).createPost.post, data(body).createPost.post.userByAuthor),
    },
    raw: {
      // One statement: find the author, insert, and build the response from the inserted row and the
      // author. The id is made in node (`newId`, called in the raw server's process), createdAt by
      // PostgreSQL, in UTC like Prisma's (timestamp without time zone). No author, no row: the raw
      // server answers with an error, as Prisma does for a failed connect.
      sql: (s) => `WITH author AS (SELECT id, email FROM ${q(s, 'User')} WHERE email = $3),
        post AS (INSERT INTO ${q(s, 'Post')} (id, title, published, "createdAt", author)
                 SELECT $1, $2, false, now() AT TIME ZONE 'UTC', author.id FROM author
                 RETURNING id, title, published)
        SELECT '{"data":{"createPost":' || json_build_object('id', post.id, 'title', post.title, 'published', post.published,
                 'author', json_build_object('email', author.email))::text || '}}' AS body
        FROM post, author`,
      values: (p) => [newId(), p.title, p.email],
      extract: (body) => createdPost(data(body).createPost, data(body).createPost.author),
    },
  },
];

export const workloadByKey = new Map(WORKLOADS.map((w) => [w.key, w]));
