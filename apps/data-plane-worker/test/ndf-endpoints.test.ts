// `/export` and `/import` over HTTP against a real worker (spec §14, §1.3, §11.2): the project and
// service-token checks (3016, 3015), the default-stage routes, an export copied into another
// project through the endpoints, import errors answered as a list with nothing written, HTTP 500
// for bodies that are not export/import requests, and 1000 for a statement past the timeout.
import { signHs256 } from '@refract/shared';
import { describe, expect, it } from 'vitest';
import { useWorker, type WorkerHandle } from './worker.harness.js';

const DEPLOY = `mutation ($name: String!, $stage: String!, $types: String!, $secrets: [String!]) {
  deploy(input: {name: $name, stage: $stage, types: $types, secrets: $secrets}) { errors { description } migration { revision } }
}`;
const ADD = 'mutation ($name: String!, $stage: String!, $secrets: [String!]) { addProject(input: {name: $name, stage: $stage, secrets: $secrets}) { project { name } } }';

const DATAMODEL = `
type User { id: ID! @id  email: String! @unique  born: DateTime  tags: [String] @scalarList(strategy: RELATION)  posts: [Post!]! }
type Post { id: ID! @id  title: String!  author: User! }
`;

async function deploy(worker: WorkerHandle, name: string, stage: string, secrets: string[] | null): Promise<void> {
  await worker.management(ADD, { name, stage, secrets });
  const { body } = await worker.management(DEPLOY, { name, stage, types: DATAMODEL, secrets });
  expect(body.errors ?? body.data.deploy.errors).toEqual([]);
  await worker.settled();
}

async function sql(worker: WorkerHandle, text: string): Promise<Record<string, unknown>[]> {
  const pool = worker.database.pool({ max: 1 });
  try {
    return (await pool.query(text)).rows;
  } finally {
    await pool.end();
  }
}

const auth = (secret = 's1') => ({ authorization: `Bearer ${signHs256({ data: { service: 'shop@dev', roles: ['admin'] } }, secret, { expiresInSeconds: 60 })}` });
const START = { table: 0, row: 0, field: 0, array: 0 };
const TERMINAL = { table: -1, row: -1, field: -1, array: -1 };

describe('/export and /import', () => {
  const worker = useWorker('ndf_http', { QUERY_TIMEOUT_MS: '1000' });

  it('deploys the projects', async () => {
    await deploy(worker, 'shop', 'dev', ['s1']);
    await deploy(worker, 'copy', 'dev', ['s1']);
    await deploy(worker, 'solo', 'default', ['s1']);
    await sql(
      worker,
      `INSERT INTO "shop$dev"."User" ("id", "email", "born") VALUES ('u1', 'ann@x.io', '2019-05-06 07:08:09.010'), ('u2', 'bob@x.io', NULL);
       INSERT INTO "shop$dev"."User_tags" ("nodeId", "position", "value") VALUES ('u1', 1000, 'a'), ('u1', 2000, 'b');
       INSERT INTO "shop$dev"."Post" ("id", "title", "author") VALUES ('p1', 'Hello', 'u1');`,
    );
  });

  it('refuses a missing or wrong service token with 3015, and an unknown project with 3016, before reading the body', async () => {
    for (const path of ['/shop/dev/export', '/shop/dev/import']) {
      for (const headers of [{}, auth('wrong'), { authorization: 'Bearer not-a-jwt' }]) {
        const { status, body } = await worker.post(path, { fileType: 'nodes', cursor: START, valueType: 'nodes', values: [{ _typeName: 'User', id: 'x', email: 'x' }] }, headers);
        expect(status).toBe(200);
        expect(body).toEqual({ errors: [{ message: 'Your token is invalid. It might have expired or you might be using a token from a different project.', code: 3015, requestId: expect.stringMatching(/^local:/) }] });
      }
    }
    expect((await sql(worker, `SELECT count(*)::int AS n FROM "shop$dev"."User"`))[0]).toEqual({ n: 2 });
    const missing = await worker.post('/nobody/dev/export', { fileType: 'nodes', cursor: START }, auth());
    expect(missing.body.errors[0]).toMatchObject({ code: 3016, message: "Project not found: 'nobody$dev'" });
  });

  it('exports with a service token, the request id in the header', async () => {
    const { status, body, headers } = await worker.post('/shop/dev/export', { fileType: 'nodes', cursor: START }, auth());
    expect(status).toBe(200);
    expect(headers.get('request-id')).toMatch(/^local:/);
    expect(body).toEqual({
      out: {
        jsonElements: [
          { _typeName: 'User', id: 'u1', email: 'ann@x.io', born: '2019-05-06T07:08:09.010Z' },
          { _typeName: 'User', id: 'u2', email: 'bob@x.io' },
          { _typeName: 'Post', id: 'p1', title: 'Hello' },
        ],
        size: expect.any(Number),
      },
      cursor: TERMINAL,
      isFull: false,
    });
  });

  it('copies a project into another through the endpoints', async () => {
    for (const fileType of ['nodes', 'lists', 'relations']) {
      const exported = await worker.post('/shop/dev/export', { fileType, cursor: START }, auth());
      expect(exported.body.cursor).toEqual(TERMINAL);
      const imported = await worker.post('/copy/dev/import', { valueType: fileType, values: exported.body.out.jsonElements }, auth());
      expect(imported).toMatchObject({ status: 200, body: [] });
    }
    const read = '{ users(orderBy: id_ASC) { id email born tags posts { id title } } }';
    const copy = await worker.post('/copy/dev', { query: read }, auth());
    expect(copy.body).toEqual((await worker.post('/shop/dev', { query: read }, auth())).body);
    expect(copy.body.data.users[0]).toEqual({ id: 'u1', email: 'ann@x.io', born: '2019-05-06T07:08:09.010Z', tags: ['a', 'b'], posts: [{ id: 'p1', title: 'Hello' }] });
  });

  it('serves the default-stage routes', async () => {
    expect((await worker.post('/solo/import', { valueType: 'nodes', values: [{ _typeName: 'User', id: 's1', email: 's@x.io' }] }, auth())).body).toEqual([]);
    const { body } = await worker.post('/solo/export', { fileType: 'nodes', cursor: START }, auth());
    expect(body.out.jsonElements).toEqual([{ _typeName: 'User', id: 's1', email: 's@x.io' }]);
  });

  it("answers an import's failing rows with Prisma's messages, and writes none of the request", async () => {
    const { status, body } = await worker.post(
      '/copy/dev/import',
      { valueType: 'nodes', values: [{ _typeName: 'Post', id: 'p2', title: 'New' }, { _typeName: 'User', id: 'u1', email: 'again@x.io' }, { _typeName: 'User', id: 'u3', email: 'c@x.io', age: 3 }] },
      auth(),
    );
    expect(status).toBe(200);
    expect(body).toEqual([
      "The model User with id u3 has an unknown field 'age' in field list.",
      'Failure inserting User with Id: u1. Cause: duplicate key value violates unique constraint "User_pkey"\n  Detail: Key (id)=(u1) already exists.',
    ]);
    expect(await sql(worker, `SELECT id FROM "copy$dev"."Post" ORDER BY id`)).toEqual([{ id: 'p1' }]);
  });

  it.each([
    ['export', 'an unknown fileType', { fileType: 'users', cursor: START }],
    ['export', 'no cursor', { fileType: 'nodes' }],
    ['export', 'an array', [{ fileType: 'nodes', cursor: START }]],
    ['import', 'values that are not an array', { valueType: 'nodes', values: 'none' }],
    ['import', 'an element of an unknown type', { valueType: 'nodes', values: [{ _typeName: 'Person', id: 'x' }] }],
    ['import', 'a relation without fieldName', { valueType: 'relations', values: [[{ _typeName: 'User', id: 'u1' }, { _typeName: 'Post', id: 'p1' }]] }],
    ['import', 'a JSON string', '"nodes"'],
    ['import', 'text that is not JSON', '{"valueType": '],
  ])('fails /%s with HTTP 500 for %s', async (endpoint, _name, body) => {
    const response = await worker.post(`/copy/dev/${endpoint}`, body, auth());
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ errors: [{ message: expect.any(String), requestId: response.headers.get('request-id') }] });
  });

  it('answers 1000 when a statement runs past the timeout, and writes nothing', async () => {
    const pool = worker.database.pool({ max: 1 });
    const blocker = await pool.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE "copy$dev"."Post" IN ACCESS EXCLUSIVE MODE');
      const exported = await worker.post('/copy/dev/export', { fileType: 'relations', cursor: START }, auth());
      expect(exported.body.errors).toEqual([{ message: 'The query took too long to process. Either try again later or try a simpler query.', code: 1000, requestId: expect.any(String) }]);
      const imported = await worker.post('/copy/dev/import', { valueType: 'nodes', values: [{ _typeName: 'User', id: 'late', email: 'late@x.io' }, { _typeName: 'Post', id: 'late', title: 'Late' }] }, auth());
      expect(imported.body.errors[0].code).toBe(1000);
    } finally {
      await blocker.query('ROLLBACK');
      blocker.release();
      await pool.end();
    }
    expect(await sql(worker, `SELECT (SELECT count(*) FROM "copy$dev"."User" WHERE id = 'late')::int AS users, (SELECT count(*) FROM "copy$dev"."Post" WHERE id = 'late')::int AS posts`)).toEqual([{ users: 0, posts: 0 }]);
  });
});
