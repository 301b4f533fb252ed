// The four workloads, written once per target, plus the canonical shape every response is reduced to
// before the targets are compared. Whoever changes a query here must keep the three in step: the
// benchmark refuses to measure targets that do not return the same data (query.bench.mjs, step 5).
//
// Ordering: Prisma breaks ties with `id ASC` (spec §7.3), also after a `_DESC` order, and related
// lists default to `id ASC`. The PostGraphile queries and the raw SQL spell the same tie-breakers out,
// so a page boundary inside a run of equal names or timestamps is the same row for all three.

/** Escapes LIKE wildcards the way Prisma's `_contains` does (spec §7.2: LIKE with escaped input). */
export function likeContains(word) {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const q = (schema, table) => `"${schema}"."${table}"`;

const user = (u) => (u === null ? null : { id: u.id, email: u.email, name: u.name });
const post = (p) => ({ id: p.id, title: p.title });

/** Throws on a GraphQL error; the message is kept whole so the caller can recognise "not served yet". */
function data(body) {
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  if (!body.data) throw new Error(`no data in response: ${JSON.stringify(body).slice(0, 300)}`);
  return body.data;
}

/**
 * Each workload: a name, how its parameters are chosen from the seeded data (`pickParams`), and for
 * each target the request (`query` + `variables`, or the raw server's SQL) and `extract`, which maps
 * that target's response body to the canonical shape.
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
];

export const workloadByKey = new Map(WORKLOADS.map((w) => [w.key, w]));
