// The worker's HTTP surface (spec §1): routes, request ids, CORS, content types, body limits,
// batching, the playground, and the project endpoints' 3016/3015 checks.
import { signHs256 } from '@refract/shared';
import { describe, expect, it } from 'vitest';
import { useWorker } from './worker.harness.js';

const worker = useWorker('http_surface', { MAX_BODY_BYTES: String(1024 * 1024) });

describe('HTTP surface', () => {
  it('answers /status and stamps every response with a request id', async () => {
    const response = await fetch(`${worker.url}/status`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('OK');
    expect(response.headers.get('request-id')).toMatch(/^local:c[a-z0-9]{24}$/);
  });

  it('serves a self-contained playground on GET of a project path', async () => {
    const response = await fetch(`${worker.url}/svc/dev`);
    const html = await response.text();
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('<title>svc/dev · Refract Playground</title>');
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=["']https?:/);
  });

  it('answers CORS preflights permissively, echoing the origin', async () => {
    const response = await fetch(`${worker.url}/svc/dev`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
  });

  it('refuses non-JSON bodies (415), oversized bodies (413), malformed JSON and 4+ segments (500)', async () => {
    const text = await fetch(`${worker.url}/management`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(text.status).toBe(415);
    const big = await worker.post('/management', { query: `{ serverInfo { version } } #${'x'.repeat(2 * 1024 * 1024)}` });
    expect(big.status).toBe(413);
    expect(big.body.errors[0].message).toBe('The request body is larger than the limit of 1048576 bytes.');
    const malformed = await worker.post('/management', '{"query": ');
    expect(malformed.status).toBe(500);
    const deep = await worker.post('/a/b/c/d', { query: '{ x }' });
    expect(deep.status).toBe(500);
    expect(deep.body.errors[0].message).toBe('Unsupported project ID encoding. ');
  });

  it('batches: an array body gets an array of results in order; GraphQL syntax errors are HTTP 500', async () => {
    const batch = await worker.post('/management', [{ query: '{ serverInfo { version } }' }, { query: '{ serverInfo { primaryConnector } }' }]);
    expect(batch.body).toEqual([{ data: { serverInfo: { version: '1.34.10' } } }, { data: { serverInfo: { primaryConnector: 'postgres' } } }]);
    const syntax = await worker.post('/management', { query: '{ serverInfo { ' });
    expect(syntax.status).toBe(500);
    expect(syntax.body.errors[0].message).toMatch(/^Syntax error while parsing GraphQL query\./);
  });

  it('answers 3016 for unknown projects and 3015 for missing or bad service tokens', async () => {
    expect((await worker.post('/nope/dev', { query: '{ x }' })).body.errors[0]).toMatchObject({ code: 3016, message: "Project not found: 'nope$dev'" });
    await worker.management('mutation { addProject(input: {name: "app", stage: "dev", secrets: ["secret-1", "secret-2"]}) { project { name } } }');
    const missing = await worker.post('/app/dev/private', { query: 'mutation { resetData }' });
    expect(missing.body.errors[0]).toMatchObject({ code: 3015 });
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.`;
    expect((await worker.post('/app/dev/private', { query: 'mutation { resetData }' }, { authorization: `Bearer ${none}` })).body.errors[0].code).toBe(3015);
    const expired = signHs256({}, 'secret-2', { expiresInSeconds: -10 });
    expect((await worker.post('/app/dev/private', { query: 'mutation { resetData }' }, { authorization: `Bearer ${expired}` })).body.errors[0].code).toBe(3015);
    const valid = signHs256({}, 'secret-2');
    expect((await worker.post('/app/dev/private', { query: 'mutation { resetData }' }, { authorization: valid })).body).toEqual({ data: { resetData: true } });
  });

  it('resetData empties every table of the project and keeps the tables', async () => {
    const types = 'type Post { id: ID! @id  tags: [String] @scalarList(strategy: RELATION)  author: User }\ntype User { id: ID! @id  posts: [Post!]! }';
    await worker.management('mutation ($t: String!) { deploy(input: {name: "app", stage: "dev", types: $t}) { migration { revision } } }', { t: types });
    await worker.settled();
    const pool = worker.database.pool();
    await pool.query(`INSERT INTO "app$dev"."User" (id) VALUES ('u1'); INSERT INTO "app$dev"."Post" (id, author) VALUES ('p1', 'u1'); INSERT INTO "app$dev"."Post_tags" ("nodeId", position, value) VALUES ('p1', 1000, 'a')`);
    const reset = await worker.post('/app/dev/private', { query: 'mutation { resetData }' }, { authorization: `Bearer ${signHs256({}, 'secret-1')}` });
    expect(reset.body).toEqual({ data: { resetData: true } });
    const counts = await pool.query(`SELECT (SELECT count(*) FROM "app$dev"."User")::int AS users, (SELECT count(*) FROM "app$dev"."Post")::int AS posts, (SELECT count(*) FROM "app$dev"."Post_tags")::int AS tags`);
    await pool.end();
    expect(counts.rows[0]).toEqual({ users: 0, posts: 0, tags: 0 });
    const datamodel = await worker.post('/app/dev/_datamodel', {}, { authorization: signHs256({}, 'secret-1') });
    expect(datamodel.body).toBe(types);
  });
});
