// The generated CRUD API over HTTP against a real worker: reads, batching, service tokens (spec
// §11.2 plus Refract's fail-closed and claim opt-ins), error shapes and statuses (spec §1.4,
// §10.1), request limits, and the schema cache following deploys.
import { createHmac } from 'node:crypto';
import { createLogger, signHs256 } from '@refract/shared';
import { describe, expect, it } from 'vitest';
import { loadWorkerConfig } from '../src/config/worker.config.js';
import { startWorker } from '../src/worker.js';
import { MANAGEMENT_SECRET, useWorker, type WorkerHandle } from './worker.harness.js';

const DEPLOY = `mutation ($name: String!, $stage: String!, $types: String!, $secrets: [String!]) {
  deploy(input: {name: $name, stage: $stage, types: $types, secrets: $secrets}) { errors { description } migration { revision } }
}`;

const DATAMODEL = `
type User { id: ID! @id  email: String! @unique  name: String!  posts: [Post!]! }
type Post { id: ID! @id  title: String!  author: User! }
`;

const token = (payload: Record<string, unknown> = {}, secret = 's1', options: { expiresInSeconds?: number } = {}) => signHs256(payload, secret, options);

/** A JWT with any header, signed with HMAC-SHA256 regardless of what the header claims. */
function forged(header: Record<string, unknown>, payload: Record<string, unknown>, secret = 's1'): string {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const head = `${b64(header)}.${b64(payload)}`;
  return header.alg === 'none' ? `${head}.` : `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

const ADD = 'mutation ($name: String!, $secrets: [String!]) { addProject(input: {name: $name, stage: "dev", secrets: $secrets}) { project { name } } }';

async function deploy(worker: WorkerHandle, name: string, types: string, secrets: string[] | null): Promise<void> {
  const existing = await worker.management('query ($name: String!) { project(name: $name, stage: "dev") { name } }', { name });
  if (existing.body.errors) await worker.management(ADD, { name, secrets });
  const { body } = await worker.management(DEPLOY, { name, stage: 'dev', types, secrets });
  expect(body.errors ?? body.data.deploy.errors).toEqual([]);
  await worker.settled();
}

async function seed(worker: WorkerHandle, schema: string): Promise<void> {
  const pool = worker.database.pool();
  await pool.query(`SET search_path TO "${schema}"`);
  await pool.query(`INSERT INTO "${schema}"."User" ("id", "email", "name") VALUES ('u1', 'ann@x.io', 'Ann'), ('u2', 'bob@x.io', 'Bob')`);
  await pool.query(`INSERT INTO "${schema}"."Post" ("id", "title", "author") VALUES ('p1', 'Hello', 'u1'), ('p2', 'Bye', 'u1')`);
  await pool.end();
}

const auth = (jwt: string) => ({ authorization: `Bearer ${jwt}` });

describe('project API (fail-closed worker)', () => {
  const worker = useWorker('api', { QUERY_TIMEOUT_MS: '400', MAX_QUERY_DEPTH: '6', MAX_QUERY_ALIASES: '4', MAX_QUERY_SELECTIONS: '40', MAX_PAGE_SIZE: '100' });

  it('deploys the test projects', async () => {
    await deploy(worker, 'shop', DATAMODEL, ['s1', 's2']);
    await deploy(worker, 'open', DATAMODEL, null);
    await seed(worker, 'shop$dev');
  });

  it('answers reads, one object for an object body and an array in order for a batch', async () => {
    const single = await worker.post('/shop/dev', { query: '{ users { email posts { title } } }' }, auth(token()));
    expect(single.status).toBe(200);
    expect(single.headers.get('content-type')).toMatch(/^application\/json/);
    expect(single.body).toEqual({ data: { users: [{ email: 'ann@x.io', posts: [{ title: 'Hello' }, { title: 'Bye' }] }, { email: 'bob@x.io', posts: [] }] } });

    const batch = await worker.post(
      '/shop/dev',
      [
        { query: 'query ($where: UserWhereUniqueInput!) { user(where: $where) { name } }', variables: { where: { email: 'bob@x.io' } } },
        { query: '{ user(where: {}) { name } }' },
        { query: '{ zzz }' },
        { query: '{ postsConnection { aggregate { count } } }' },
      ],
      auth(token()),
    );
    expect(batch.status).toBe(200);
    expect(batch.body).toHaveLength(4);
    expect(batch.body[0]).toEqual({ data: { user: { name: 'Bob' } } });
    expect(batch.body[1].data).toEqual({ user: null });
    expect(batch.body[1].errors[0]).toMatchObject({ code: 3040, path: ['user'], locations: [{ line: 1, column: 3 }] });
    expect(batch.body[1].errors[0].requestId).toBe(batch.headers.get('request-id'));
    expect(batch.body[2]).toEqual({ errors: [{ message: "Cannot query field \"zzz\" on type \"Query\".", locations: [{ line: 1, column: 3 }] }] });
    expect(batch.body[3]).toEqual({ data: { postsConnection: { aggregate: { count: 2 } } } });
  });

  it('serves introspection, and operations mixing it with reads', async () => {
    const { body } = await worker.post(
      '/shop/dev',
      { query: '{ __typename __type(name: "User") { fields { name } } users(first: 1) { id } __schema { queryType { name } } }' },
      auth(token()),
    );
    expect(body).toEqual({
      data: {
        __typename: 'Query',
        __type: { fields: [{ name: 'id' }, { name: 'email' }, { name: 'name' }, { name: 'posts' }] },
        users: [{ id: 'u1' }],
        __schema: { queryType: { name: 'Query' } },
      },
    });
  });

  it('runs mutation root fields in order, each its own transaction, with Prisma error shapes', async () => {
    const query = `mutation {
      renamed: updateUser(where: {email: "bob@x.io"}, data: {name: "Bob"}) { name }
      failed: createPost(data: {title: "Orphan", author: {connect: {email: "nobody@x.io"}}}) { id }
    }`;
    const { status, body } = await worker.post('/shop/dev', { query }, auth(token()));
    expect(status).toBe(200);
    // createPost returns Post!: its error nulls the whole data (spec §8.10).
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      { message: 'No Node for the model User with value nobody@x.io for email found.', path: ['failed'], locations: [{ line: 3, column: 7 }], code: 3039, requestId: expect.any(String) },
    ]);
    const after = await worker.post('/shop/dev', { query: '{ postsConnection { aggregate { count } } }' }, auth(token()));
    expect(after.body).toEqual({ data: { postsConnection: { aggregate: { count: 2 } } } });
  });

  it('accepts HS256 tokens signed with any of the secrets, with or without Bearer and exp', async () => {
    const query = { query: '{ users(first: 1) { id } }' };
    for (const headers of [auth(token({}, 's1')), auth(token({}, 's2')), { authorization: token() }, auth(token({}, 's1', { expiresInSeconds: 60 }))]) {
      expect((await worker.post('/shop/dev', query, headers)).body).toEqual({ data: { users: [{ id: 'u1' }] } });
    }
  });

  it('refuses with 3015: no token, wrong secret, alg none or HS512, expired, not yet valid; one error even for a batch', async () => {
    const now = Math.floor(Date.now() / 1000);
    const refused = [
      {},
      auth(token({}, 'wrong')),
      auth(forged({ alg: 'none', typ: 'JWT' }, {})),
      auth(forged({ alg: 'HS512', typ: 'JWT' }, {})),
      auth(forged({ alg: 'HS256', typ: 'JWT' }, { exp: now - 10 })),
      auth(forged({ alg: 'HS256', typ: 'JWT' }, { nbf: now + 600 })),
      { authorization: 'Bearer not-a-jwt' },
    ];
    for (const headers of refused) {
      const { status, body } = await worker.post('/shop/dev', [{ query: '{ users { id } }' }, { query: '{ posts { id } }' }], headers);
      expect(status).toBe(200);
      expect(body).toEqual({
        errors: [
          {
            message: 'Your token is invalid. It might have expired or you might be using a token from a different project.',
            code: 3015,
            requestId: expect.stringMatching(/^local:/),
          },
        ],
      });
    }
  });

  it('refuses a project deployed without secrets unless the worker allows public projects', async () => {
    const { body } = await worker.post('/open/dev', { query: '{ users { id } }' });
    expect(body.errors[0].code).toBe(3015);
  });

  it('checks the service@stage claim once the project opts in, and stops when it opts out', async () => {
    const settings = (check: boolean) =>
      worker.management(`mutation { setProjectSettings(input: {name: "shop", stage: "dev", checkServiceClaim: ${check}}) { checkServiceClaim } }`);
    expect((await settings(true)).body).toEqual({ data: { setProjectSettings: { checkServiceClaim: true } } });
    const query = { query: '{ users(first: 1) { id } }' };
    const cliToken = token({ data: { service: 'shop@dev', roles: ['admin'] } }, 's2', { expiresInSeconds: 60 });
    // The change reaches the worker's cache through NOTIFY; wait until the claim is enforced.
    await expect.poll(async () => (await worker.post('/shop/dev', query, auth(token()))).body.errors?.[0]?.code, { timeout: 2000 }).toBe(3015);
    expect((await worker.post('/shop/dev', query, auth(cliToken))).body).toEqual({ data: { users: [{ id: 'u1' }] } });
    expect((await worker.post('/shop/dev', query, auth(token({ data: { service: 'other@dev' } })))).body.errors[0].code).toBe(3015);
    await settings(false);
    await expect.poll(async () => (await worker.post('/shop/dev', query, auth(token()))).body, { timeout: 2000 }).toEqual({ data: { users: [{ id: 'u1' }] } });
  });

  it('fails the whole request on a syntax error (500) and answers validation and variable errors with 200', async () => {
    const syntax = await worker.post('/shop/dev', { query: '{ users { id ' }, auth(token()));
    expect(syntax.status).toBe(500);
    expect(syntax.body.errors[0].message).toMatch(/^Syntax error while parsing GraphQL query\./);
    const variables = await worker.post('/shop/dev', { query: 'query ($first: Int) { users(first: $first) { id } }', variables: { first: 'x' } }, auth(token()));
    expect(variables.status).toBe(200);
    expect(variables.body.errors[0].message).toMatch(/Variable "\$first" got invalid value "x"/);
    expect(variables.body.data).toBeUndefined();
  });

  it('refuses documents beyond the depth, alias and selection limits, and pages beyond the page size, before any SQL', async () => {
    const post = (query: string) => worker.post('/shop/dev', { query }, auth(token()));
    const deep = await post('{ users { posts { author { posts { author { posts { id } } } } } } }');
    expect(deep.body.errors[0].message).toBe('The query is nested deeper than the limit of 6 levels.');
    const aliases = await post('{ a: users { id } b: users { id } c: users { id } d: users { id } e: users { id } }');
    expect(aliases.body.errors[0].message).toBe('The query uses more aliases than the limit of 4.');
    const fields = Array.from({ length: 41 }, () => 'id').join(' ');
    const wide = await post(`{ users { ${fields} } }`);
    expect(wide.body.errors[0].message).toBe('The query selects more fields than the limit of 40.');
    // A fragment spread many times counts every time it is spread.
    const spread = await post(`{ users { ...F ...F ...F ...F ...F ...F ...F ...F ...F ...F ...F } } fragment F on User { id email name posts { id } }`);
    expect(spread.body.errors[0].message).toBe('The query selects more fields than the limit of 40.');
    const page = await post('{ users(first: 101) { id } }');
    expect(page.body.errors[0]).toMatchObject({ code: 2041, message: 'You requested 101 nodes. We will only return up to 100 nodes per query.' });
  });

  it('cancels a statement that runs past the timeout with 1000', async () => {
    const pool = worker.database.pool();
    const blocker = await pool.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE "shop$dev"."User" IN ACCESS EXCLUSIVE MODE');
      const { body } = await worker.post('/shop/dev', { query: '{ users { id } }' }, auth(token()));
      expect(body.errors[0]).toMatchObject({ code: 1000, message: 'The query took too long to process. Either try again later or try a simpler query.' });
    } finally {
      await blocker.query('ROLLBACK');
      blocker.release();
      await pool.end();
    }
  });

  it('serves the new schema right after a deploy, on this worker and, within a second, on another one', async () => {
    const other = await startWorker(
      loadWorkerConfig({ DATABASE_URL: worker.database.url, PORT: '0', MANAGEMENT_API_SECRET: MANAGEMENT_SECRET, LOG_LEVEL: 'silent' }),
      createLogger({ name: 'second-worker', level: 'silent' }),
    );
    try {
      const ask = async (url: string) => {
        const response = await fetch(`${url}/shop/dev`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth(token()) }, body: JSON.stringify({ query: '{ users { nickname } }' }) });
        return (await response.json()) as any;
      };
      const otherUrl = `http://127.0.0.1:${other.port}`;
      // The second worker has the project cached before the deploy.
      expect((await ask(otherUrl)).errors[0].message).toMatch(/Cannot query field "nickname"/);
      await deploy(worker, 'shop', `${DATAMODEL.replace('name: String!', 'name: String!  nickname: String')}`, ['s1', 's2']);
      const expected = { data: { users: [{ nickname: null }, { nickname: null }] } };
      expect(await ask(worker.url)).toEqual(expected);
      await expect.poll(() => ask(otherUrl), { timeout: 1000, interval: 20 }).toEqual(expected);
    } finally {
      await other.close();
    }
  });
});

describe('project API (worker that allows public projects)', () => {
  const worker = useWorker('api_public', { REFRACT_ALLOW_PUBLIC_PROJECTS: 'true' });

  it('serves a project without secrets to anyone, and still guards projects with secrets', async () => {
    await deploy(worker, 'open', DATAMODEL, null);
    await deploy(worker, 'closed', DATAMODEL, ['s1']);
    expect((await worker.post('/open/dev', { query: '{ users { id } }' })).body).toEqual({ data: { users: [] } });
    expect((await worker.post('/closed/dev', { query: '{ users { id } }' })).body.errors[0].code).toBe(3015);
  });
});
