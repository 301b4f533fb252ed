// /metrics and the request log against real workers: the exposition text is parsed and compared
// before and after requests (deltas, so the tests do not depend on each other's order), access to
// /metrics with and without METRICS_TOKEN, and the structured request log with its request id.
import { request as httpRequest } from 'node:http';
import { createLogger, signHs256 } from '@refract/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkerConfig } from '../src/config/worker.config.js';
import { startWorker, type RunningWorker } from '../src/worker.js';
import { MANAGEMENT_SECRET, useWorker, type WorkerHandle } from './worker.harness.js';

const DEPLOY = `mutation ($name: String!, $types: String!, $secrets: [String!]) {
  deploy(input: {name: $name, stage: "dev", types: $types, secrets: $secrets}) { errors { description } }
}`;
const DATAMODEL = `
type User { id: ID! @id  email: String! @unique  name: String!  posts: [Post!]! }
type Post { id: ID! @id  title: String!  author: User! }
`;
const SECRET = 'metrics-test-secret';
const METRICS_TOKEN = 'metrics-token-0123456789';

const auth = () => ({ authorization: `Bearer ${signHs256({}, SECRET)}` });

async function deploy(worker: WorkerHandle, name: string): Promise<void> {
  await worker.management('mutation ($name: String!, $secrets: [String!]) { addProject(input: {name: $name, stage: "dev", secrets: $secrets}) { project { name } } }', {
    name,
    secrets: [SECRET],
  });
  const { body } = await worker.management(DEPLOY, { name, types: DATAMODEL, secrets: [SECRET] });
  expect(body.errors ?? body.data.deploy.errors).toEqual([]);
  await worker.settled();
}

/** A GET through node:http, which (unlike fetch) sends the Host header it is given. */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
    });
    request.on('error', reject);
    request.end();
  });
}

interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** Parses the text exposition format: `name{label="value",...} number` lines; comments skipped. */
function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[key!] = value!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    }
    const raw = match[3]!;
    samples.push({ name: match[1]!, labels, value: raw === '+Inf' ? Infinity : raw === '-Inf' ? -Infinity : Number(raw) });
  }
  return samples;
}

/** The sum of the samples of `name` whose labels include `labels` (0 when there are none). */
function total(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((sum, s) => sum + s.value, 0);
}

async function scrape(url: string): Promise<Sample[]> {
  const response = await get(`${url}/metrics`);
  expect(response.status).toBe(200);
  return parseExposition(response.text);
}

/** How much `name{labels}` grew while `work` ran; polled, as a response is counted when it closes. */
async function growth(url: string, work: () => Promise<unknown>, series: ReadonlyArray<readonly [string, Record<string, string>]>): Promise<number[]> {
  const before = await scrape(url);
  await work();
  const after = await scrape(url);
  return series.map(([name, labels]) => total(after, name, labels) - total(before, name, labels));
}

describe('/metrics (no METRICS_TOKEN)', () => {
  const worker = useWorker('metrics', { API_POOL_SIZE: '1' });
  beforeAll(async () => {
    await deploy(worker, 'shop');
    const pool = worker.database.pool();
    await pool.query(`INSERT INTO "shop$dev"."User" ("id", "email", "name") VALUES ('u1', 'ann@x.io', 'Ann')`);
    await pool.end();
  });

  it('serves the text exposition format to a scraper on this machine, without CORS headers', async () => {
    const response = await get(`${worker.url}/metrics`, { origin: 'https://page.example' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers['request-id']).toMatch(/^local:/);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.text).toContain('# TYPE refract_http_requests_total counter');
    expect(response.text).toContain('# TYPE refract_http_request_duration_seconds histogram');
    const samples = parseExposition(response.text);
    // Default process metrics, in this worker's own registry.
    expect(total(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(total(samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(total(samples, 'refract_db_pool_max_connections', { pool: 'api' })).toBe(1);
    expect(total(samples, 'refract_db_pool_max_connections', { pool: 'management' })).toBe(10);
  });

  it('counts requests by route kind, method and status, and times them per project', async () => {
    const deltas = await growth(
      worker.url,
      async () => {
        expect((await worker.post('/shop/dev', { query: '{ users { email } }' }, auth())).body).toEqual({ data: { users: [{ email: 'ann@x.io' }] } });
        await worker.post('/shop/dev', [{ query: '{ users { id } }' }, { query: '{ posts { id } }' }], auth());
        expect((await worker.post('/nope/dev', { query: '{ users { id } }' })).body.errors[0].code).toBe(3016);
        await worker.management('{ serverInfo { version } }');
        await get(`${worker.url}/status`);
        await fetch(`${worker.url}/shop/dev`, { method: 'DELETE' });
      },
      [
        ['refract_http_requests_total', { route: 'project', method: 'POST', status: '200' }],
        ['refract_http_requests_total', { route: 'management', method: 'POST', status: '200' }],
        ['refract_http_requests_total', { route: 'status', method: 'GET', status: '200' }],
        ['refract_http_requests_total', { route: 'other', method: 'other', status: '405' }],
        ['refract_http_request_duration_seconds_count', { route: 'project', project: 'shop$dev' }],
        ['refract_http_request_duration_seconds_bucket', { route: 'project', project: 'shop$dev', le: '+Inf' }],
        ['refract_http_request_duration_seconds_count', { route: 'project', project: 'unknown' }],
        ['refract_http_request_duration_seconds_count', { route: 'management', project: '' }],
      ],
    );
    expect(deltas).toEqual([3, 1, 1, 1, 2, 2, 1, 1]);
    const samples = await scrape(worker.url);
    expect(total(samples, 'refract_http_request_duration_seconds_sum', { route: 'project', project: 'shop$dev' })).toBeGreaterThan(0);
    // An id that names no project never becomes a label.
    expect(samples.filter((s) => Object.values(s.labels).some((v) => v.includes('nope')))).toEqual([]);
  });

  it('counts GraphQL errors by Prisma code per project', async () => {
    const errors = (project: string, code: string) => ['refract_graphql_errors_total', { project, code }] as const;
    const deltas = await growth(
      worker.url,
      async () => {
        const orphan = 'mutation { createPost(data: {title: "Orphan", author: {connect: {email: "nobody@x.io"}}}) { id } }';
        expect((await worker.post('/shop/dev', { query: orphan }, auth())).body.errors[0].code).toBe(3039);
        expect((await worker.post('/shop/dev', { query: '{ users { id } }' })).body.errors[0].code).toBe(3015);
        expect((await worker.post('/shop/dev', { query: '{ users { id } }' }, { authorization: 'Bearer not-a-jwt' })).body.errors[0].code).toBe(3015);
        await worker.post('/shop/dev', [{ query: '{ zzz }' }, { query: 'query ($n: Int) { users(first: $n) { id } }', variables: { n: 'x' } }], auth());
        expect((await worker.post('/shop/dev', { query: '{ users { id ' }, auth())).status).toBe(500);
        await worker.post('/nope/dev', { query: '{ users { id } }' });
        expect((await worker.management('mutation { deleteProject(input: {name: "nope", stage: "dev"}) { project { name } } }')).body.errors[0].code).toBe(4000);
      },
      [errors('shop$dev', '3039'), errors('shop$dev', '3015'), errors('shop$dev', 'validation'), errors('shop$dev', 'request'), errors('unknown', '3016'), errors('', '4000')],
    );
    expect(deltas).toEqual([1, 2, 2, 1, 1, 1]);
  });

  it('reports both pools at scrape time, including callers waiting for a connection', async () => {
    await worker.post('/shop/dev', { query: '{ users { id } }' }, auth());
    const idle = await scrape(worker.url);
    expect(total(idle, 'refract_db_pool_connections', { pool: 'api' })).toBe(1);
    expect(total(idle, 'refract_db_pool_idle_connections', { pool: 'api' })).toBe(1);
    expect(total(idle, 'refract_db_pool_waiting_clients', { pool: 'api' })).toBe(0);
    expect(total(idle, 'refract_db_pool_connections', { pool: 'management' })).toBeGreaterThanOrEqual(total(idle, 'refract_db_pool_idle_connections', { pool: 'management' }));

    // The API pool has one connection: a read blocked on a lock holds it, a second read waits.
    const pool = worker.database.pool();
    const blocker = await pool.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE "shop$dev"."User" IN ACCESS EXCLUSIVE MODE');
      const reads = [worker.post('/shop/dev', { query: '{ users { id } }' }, auth()), worker.post('/shop/dev', { query: '{ users { email } }' }, auth())];
      await expect
        .poll(async () => {
          const busy = await scrape(worker.url);
          return ['refract_db_pool_connections', 'refract_db_pool_idle_connections', 'refract_db_pool_waiting_clients'].map((name) => total(busy, name, { pool: 'api' }));
        })
        .toEqual([1, 0, 1]);
      await blocker.query('ROLLBACK');
      expect((await Promise.all(reads)).map((r) => r.body.errors)).toEqual([undefined, undefined]);
    } finally {
      await blocker.query('ROLLBACK');
      blocker.release();
      await pool.end();
    }
    await expect.poll(async () => total(await scrape(worker.url), 'refract_db_pool_waiting_clients', { pool: 'api' })).toBe(0);
  });

  it('exposes what the subscription server reports', async () => {
    const subscriptions = worker.worker.metrics.subscriptions;
    const deltas = await growth(
      worker.url,
      async () => {
        subscriptions.connectionOpened('graphql-ws');
        subscriptions.subscriptionStarted('shop$dev');
        subscriptions.eventDelivered('shop$dev', 30);
      },
      [
        ['refract_subscription_connections', { protocol: 'graphql-ws' }],
        ['refract_subscriptions_active', { project: 'shop$dev' }],
        ['refract_subscription_delivery_delay_seconds_bucket', { project: 'shop$dev', le: '0.05' }],
        ['refract_subscription_delivery_delay_seconds_bucket', { project: 'shop$dev', le: '0.025' }],
      ],
    );
    expect(deltas).toEqual([1, 1, 1, 0]);
    subscriptions.subscriptionStopped('shop$dev');
    subscriptions.connectionClosed('graphql-ws');
  });

  it('refuses requests relayed by a proxy and foreign host names (remote peers: metrics.endpoint.test.ts)', async () => {
    const refused: Array<Record<string, string>> = [{ 'x-forwarded-for': '203.0.113.9' }, { forwarded: 'for=203.0.113.9' }, { 'x-real-ip': '203.0.113.9' }, { host: 'rebound.example' }];
    for (const headers of refused) {
      const response = await get(`${worker.url}/metrics`, headers);
      expect(response.status).toBe(403);
      expect(response.text).not.toContain('refract_');
    }
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  const worker = useWorker('metrics_token', { METRICS_TOKEN });

  it('requires the bearer token, from loopback too', async () => {
    const refused: Array<Record<string, string>> = [{}, { authorization: 'Bearer metrics-token-wrong-0000' }, { authorization: METRICS_TOKEN }];
    for (const headers of refused) {
      const response = await get(`${worker.url}/metrics`, headers);
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(response.text).not.toContain('refract_');
    }
    const response = await get(`${worker.url}/metrics`, { authorization: `Bearer ${METRICS_TOKEN}`, 'x-forwarded-for': '203.0.113.9' });
    expect(response.status).toBe(200);
    expect(response.text).toContain('refract_http_requests_total');
  });
});

describe('request log', () => {
  const worker = useWorker('request_log');
  const lines: Array<Record<string, any>> = [];
  let logged: RunningWorker;
  let url: string;

  beforeAll(async () => {
    await deploy(worker, 'shop');
    await deploy(worker, 'broken');
    // A second worker on the same database, whose log lines the test keeps.
    const logger = createLogger({ name: 'logged-worker', level: 'debug', destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
    logged = await startWorker(loadWorkerConfig({ DATABASE_URL: worker.database.url, PORT: '0', MANAGEMENT_API_SECRET: MANAGEMENT_SECRET }), logger);
    url = `http://127.0.0.1:${logged.port}`;
  });
  afterAll(async () => {
    await logged?.close();
  });

  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { requestId: response.headers.get('request-id')!, length: Number(response.headers.get('content-length')), body: (await response.json()) as any };
  };
  const lineOf = (requestId: string, msg = 'request completed') => expect.poll(() => lines.find((l) => l.requestId === requestId && l.msg === msg)).toBeDefined();
  const find = (requestId: string, msg = 'request completed') => lines.find((l) => l.requestId === requestId && l.msg === msg)!;

  it('writes one line per request with its request id, and never a body, a token or a query string', async () => {
    const headers = auth();
    const { requestId, length } = await post('/shop/dev', { query: '{ users { id name } }' }, headers);
    await lineOf(requestId);
    expect(find(requestId)).toMatchObject({
      level: 'info',
      service: 'logged-worker',
      method: 'POST',
      path: '/shop/dev',
      route: 'project',
      projectId: 'shop$dev',
      status: 200,
      durationMs: expect.any(Number),
      bytes: length,
    });
    expect(lines.filter((l) => l.requestId === requestId)).toHaveLength(1);

    const playground = await fetch(`${url}/shop/dev?token=query-string-secret`);
    await playground.text();
    const playgroundId = playground.headers.get('request-id')!;
    await lineOf(playgroundId);
    expect(find(playgroundId)).toMatchObject({ method: 'GET', path: '/shop/dev', route: 'other', status: 200 });

    const text = JSON.stringify(lines);
    expect(text).not.toContain(headers.authorization.slice('Bearer '.length));
    expect(text).not.toContain('users { id name }');
    expect(text).not.toContain('query-string-secret');
  });

  it('logs /status and /metrics at debug level', async () => {
    for (const path of ['/status', '/metrics']) {
      const response = await fetch(`${url}${path}`);
      await response.text();
      const requestId = response.headers.get('request-id')!;
      await lineOf(requestId);
      expect(find(requestId)).toMatchObject({ level: 'debug', path, status: 200 });
    }
  });

  it('logs an internal error with the request id the client sees, and counts it', async () => {
    const pool = worker.database.pool();
    await pool.query('ALTER TABLE "broken$dev"."Post" RENAME TO "Moved"');
    await pool.end();
    const { requestId, body } = await post('/broken/dev', { query: '{ posts { id } }' }, auth());
    expect(body.errors[0]).toMatchObject({ message: expect.stringContaining(requestId), requestId });
    await lineOf(requestId, 'project request failed');
    expect(find(requestId, 'project request failed')).toMatchObject({ level: 'error', err: expect.objectContaining({ message: expect.any(String) }) });
    await lineOf(requestId);
    expect(find(requestId)).toMatchObject({ status: 200, projectId: 'broken$dev' });
    await expect.poll(async () => total(await scrape(url), 'refract_graphql_errors_total', { project: 'broken$dev', code: 'internal' })).toBe(1);
  });
});
