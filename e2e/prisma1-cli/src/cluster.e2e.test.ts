// Three built data-plane workers (A, B, C: `node apps/data-plane-worker/dist/main.js`, each its own
// process and port) on ONE database behave as one server:
//   1. a project deployed through A is served by all three; a redeploy through B (a new field) is
//      served by C — which had the old schema cached — within 1 s of the migration's SUCCESS;
//   2. a subscriber on C receives the CREATED/UPDATED/DELETED events of mutations sent through A
//      and B, sequential and concurrent, exactly once each and in commit order (the order of the
//      events table, whose ids are assigned in commit order);
//   3. C is SIGKILLed while a subscriber is connected to it and while mutations are committed
//      through A, B and C: every mutation that got a successful answer is there (read through A
//      and B), and the subscriber's client reconnects to another worker, resumes after the last
//      event id it saw, and ends up with the event of every committed row exactly once, in order.
// The workers get only DATABASE_URL, PORT, MANAGEMENT_API_SECRET and LOG_LEVEL (see
// worker.process.ts). Everything is talked to over HTTP and WebSocket; the database is read
// directly only for the commit order of the events (management."Event").
import { signHs256 } from '@refract/shared';
import { createTestDatabase, type TestDatabase } from '@refract/shared/testing';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import WebSocket from 'ws';
import { buildWorker, freePort, spawnWorker, stopWorker, type WorkerProcess } from './worker.process.ts';

const MANAGEMENT_SECRET = 'cluster-management-secret';
const SERVICE_SECRET = 'cluster-service-secret';
const SERVICE = 'shop';
const STAGE = 'dev';
const PROJECT_ID = `${SERVICE}$${STAGE}`;

const DATAMODEL = `type Post {
  id: ID! @id
  title: String!
  views: Int! @default(value: 0)
}
`;
/** The redeploy adds a field. */
const DATAMODEL_WITH_BODY = DATAMODEL.replace('  views:', '  body: String\n  views:');

const NAMES = ['A', 'B', 'C'] as const;
type Name = (typeof NAMES)[number];

const workers = {} as Record<Name, WorkerProcess>;
let database: TestDatabase;
let db: ReturnType<TestDatabase['pool']>;
const clients: Client[] = [];
const timings: string[] = [];

const serviceToken = signHs256({}, SERVICE_SECRET);
const managementToken = () => signHs256({ grants: [{ target: '*/*', action: '*' }] }, MANAGEMENT_SECRET, { expiresInSeconds: 3600 });
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const wsUrl = (name: Name) => `${workers[name].url.replace('http://', 'ws://')}/${SERVICE}/${STAGE}`;

/** Polls `check` every `everyMs` until it returns true; throws naming `what` after `timeoutMs`. */
async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000, everyMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

async function post(name: Name, path: string, body: unknown, token: string): Promise<any> {
  const response = await fetch(`${workers[name].url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`worker ${name} answered ${response.status} to POST ${path}: ${text.slice(0, 500)}`);
  }
}

const management = (name: Name, query: string, variables: Record<string, unknown> = {}) => post(name, '/management', { query, variables }, managementToken());
const api = (name: Name, query: string, variables: Record<string, unknown> = {}) => post(name, `/${SERVICE}/${STAGE}`, { query, variables }, serviceToken);

/** Runs a mutation through `name` and returns its data; throws on GraphQL errors. */
async function mutate(name: Name, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const body = await api(name, query, variables);
  if (body.errors) throw new Error(`mutation through ${name} failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const createPost = async (name: Name, title: string): Promise<string> =>
  (await mutate(name, 'mutation ($t: String!) { createPost(data: {title: $t}) { id } }', { t: title })).createPost.id as string;

/** Deploys through `name` and returns the scheduled revision. */
async function deploy(name: Name, datamodel: string): Promise<number> {
  const body = await management(
    name,
    'mutation ($n: String!, $s: String!, $t: String!, $secrets: [String!]) { deploy(input: {name: $n, stage: $s, types: $t, secrets: $secrets}) { migration { revision status } errors { description } warnings { description } } }',
    { n: SERVICE, s: STAGE, t: datamodel, secrets: [SERVICE_SECRET] },
  );
  expect(body.errors).toBeUndefined();
  expect(body.data.deploy.errors).toEqual([]);
  expect(body.data.deploy.warnings).toEqual([]);
  return body.data.deploy.migration.revision as number;
}

/** Polls `migrationStatus` through `name` (every 10 ms) until `revision` is SUCCESS; returns when that was seen. */
async function migrated(name: Name, revision: number, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = await management(name, 'query ($n: String!, $s: String!) { migrationStatus(name: $n, stage: $s) { revision status errors } }', { n: SERVICE, s: STAGE });
    const status = body.data?.migrationStatus;
    if (status?.revision === revision && status.status === 'SUCCESS') return Date.now();
    if (status?.revision === revision && String(status.status).startsWith('ROLLBACK')) throw new Error(`revision ${revision} failed: ${JSON.stringify(status)}`);
    if (Date.now() > deadline) throw new Error(`revision ${revision} not SUCCESS after ${timeoutMs} ms: ${JSON.stringify(body)}`);
    await sleep(10);
  }
}

interface Received {
  readonly eventId: string;
  readonly data: any;
}

interface Subscriber {
  readonly events: Received[];
  readonly errors: unknown[];
  completed: boolean;
  dispose(): void;
}

const SINK = (subscriber: Subscriber) => ({
  next: (value: { data?: unknown; extensions?: Record<string, unknown> }) => {
    subscriber.events.push({ eventId: String(value.extensions?.eventId), data: value.data });
  },
  error: (error: unknown) => void subscriber.errors.push(error),
  complete: () => {
    subscriber.completed = true;
  },
});

/** One subscription on one worker, without retries (step 2). */
function subscribeOn(name: Name, query: string): Subscriber {
  const client = createClient({ url: wsUrl(name), webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${serviceToken}` }, retryAttempts: 0 });
  clients.push(client);
  const subscriber: Subscriber = { events: [], errors: [], completed: false, dispose: () => undefined };
  subscriber.dispose = client.subscribe({ query }, SINK(subscriber));
  return subscriber;
}

interface ResumingSubscriber extends Subscriber {
  /** The URL of every acknowledged connection, in order, and when it was acknowledged. */
  readonly connections: string[];
  readonly connectedAt: number[];
  /** The close code of every socket that closed. */
  readonly closes: number[];
  /** Every `subscribe` message sent: the `lastEventId` it carried and how many events had arrived then. */
  readonly subscribes: { lastEventId: string | undefined; received: number }[];
}

/**
 * A subscriber that survives the death of its worker: graphql-ws reconnects (retrying every
 * 200 ms, whatever closed the socket) to the next worker of `rotation`, and sends the
 * subscription's `subscribe` message again on the new connection. This wrapper rewrites every
 * outgoing `subscribe` (through `jsonMessageReplacer`, which serialises each message) so that it
 * carries `extensions.lastEventId` = the id of the last event received: the new worker replays
 * the retained events after it, then continues live.
 */
function resumingSubscriber(rotation: readonly Name[], query: string): ResumingSubscriber {
  let turn = 0;
  const subscriber: ResumingSubscriber = { events: [], errors: [], completed: false, dispose: () => undefined, connections: [], connectedAt: [], closes: [], subscribes: [] };
  const client = createClient({
    url: () => wsUrl(rotation[turn++ % rotation.length]!),
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: `Bearer ${serviceToken}` },
    retryAttempts: 20,
    retryWait: () => sleep(200),
    shouldRetry: () => true,
    on: {
      connected: (socket) => {
        subscriber.connections.push((socket as WebSocket).url);
        subscriber.connectedAt.push(Date.now());
      },
      closed: (event) => void subscriber.closes.push((event as { code: number }).code),
    },
    jsonMessageReplacer: (key, value) => {
      if (key !== '' || (value as { type?: unknown })?.type !== 'subscribe') return value;
      const last = subscriber.events.at(-1)?.eventId;
      subscriber.subscribes.push({ lastEventId: last, received: subscriber.events.length });
      if (last === undefined) return value;
      const message = value as { payload: Record<string, unknown> };
      return { ...message, payload: { ...message.payload, extensions: { lastEventId: last } } };
    },
  });
  clients.push(client);
  subscriber.dispose = client.subscribe({ query }, SINK(subscriber));
  return subscriber;
}

/**
 * Creates probe posts through each of `through` until the subscriber receives one created through
 * that worker: then its subscription is running and every worker writing knows that the model is
 * watched (interest reaches the other workers by NOTIFY). Returns the id of the last event seen.
 */
async function live(subscriber: Subscriber, through: readonly Name[], label: string): Promise<string> {
  for (const name of through) {
    let seen = false;
    for (let i = 0; !seen; i++) {
      if (i >= 50) throw new Error(`the subscription never saw a probe created through ${name}`);
      const title = `probe-${label}-${name}-${i}`;
      await createPost(name, title);
      await until(() => subscriber.events.some((e) => e.data?.post?.node?.title === title), `probe ${title}`, 500).then(
        () => (seen = true),
        () => undefined,
      );
    }
  }
  return subscriber.events.at(-1)!.eventId;
}

/** (event id, mutation, node id) of the project's Post events after `afterId`, in id order. */
async function storedEvents(afterId: string, upToId?: string): Promise<{ eventId: string; mutation: string; nodeId: string }[]> {
  const { rows } = await db.query<{ eventId: string; mutation: string; nodeId: string }>(
    `SELECT "id"::text AS "eventId", "mutation", "nodeId" #>> '{}' AS "nodeId" FROM "management"."Event"
      WHERE "projectId" = $1 AND "model" = 'Post' AND "id" > $2::bigint AND ($3::bigint IS NULL OR "id" <= $3::bigint) ORDER BY "id"`,
    [PROJECT_ID, afterId, upToId ?? null],
  );
  return rows;
}

const nodeIdOf = (e: Received): string => e.data.post.node?.id ?? e.data.post.previousValues?.id;

/** Every event the subscriber got (those before index `from` marked `<`), for failure messages. */
function describeEvents(events: readonly Received[], from: number): string {
  return events.map((e, i) => `${i < from ? '<' : ' '}${e.eventId} ${e.data?.post?.mutation} ${e.data?.post?.node?.title ?? e.data?.post?.previousValues?.title}`).join('\n');
}

function expectIncreasingIds(events: readonly Received[]): void {
  const ids = events.map((e) => BigInt(e.eventId));
  for (let i = 1; i < ids.length; i++) {
    if (ids[i]! <= ids[i - 1]!) throw new Error(`event ids out of order at ${i}: ${String(ids[i - 1])} then ${String(ids[i])}`);
  }
}

/** Prints the end of every worker's log when a test fails. */
function logsOnFailure(): void {
  onTestFailed(() => {
    for (const name of NAMES) {
      const output = workers[name]?.output() ?? '';
      console.log(`--- worker ${name} (${workers[name]?.url}) log tail ---\n${output.slice(-3000)}`);
    }
  });
}

beforeAll(async () => {
  const started = Date.now();
  const [, created] = await Promise.all([buildWorker(), createTestDatabase({ prefix: 'cluster' })]);
  database = created;
  db = database.pool({ max: 2 });
  const ports = new Set<number>();
  while (ports.size < NAMES.length) ports.add(await freePort());
  const [portA, portB, portC] = [...ports] as [number, number, number];
  const built = Date.now();
  // The three start at the same moment on the fresh database (each upgrades the management schema
  // on boot, under an advisory lock).
  const env = { DATABASE_URL: database.url, MANAGEMENT_API_SECRET: MANAGEMENT_SECRET, LOG_LEVEL: 'warn' };
  const spawned = await Promise.allSettled([spawnWorker(env, portA), spawnWorker(env, portB), spawnWorker(env, portC)]);
  spawned.forEach((result, i) => {
    if (result.status === 'fulfilled') workers[NAMES[i]!] = result.value;
  });
  const failed = spawned.find((result) => result.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  timings.push(`build+database ${built - started} ms`, `3 workers up ${Date.now() - built} ms`);
}, 300_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  // The killed worker has exited already: stopWorker returns at once for it.
  await Promise.all(NAMES.filter((name) => workers[name]).map((name) => stopWorker(workers[name])));
  await database?.drop();
  console.log(`timings: ${timings.join(', ')}`);
}, 60_000);

describe('three workers on one database', () => {
  it('a deploy through A is served by all; a redeploy through B reaches C within 1 s of SUCCESS', async () => {
    logsOnFailure();
    const added = await management('A', 'mutation ($n: String!, $s: String!, $secrets: [String!]) { addProject(input: {name: $n, stage: $s, secrets: $secrets}) { project { name stage } } }', {
      n: SERVICE,
      s: STAGE,
      secrets: [SERVICE_SECRET],
    });
    expect(added.data.addProject.project).toEqual({ name: SERVICE, stage: STAGE });
    const first = await deploy('A', DATAMODEL);
    await migrated('A', first);
    // All three serve the project (each now holds it in its cache), and all see each other's writes.
    await createPost('A', 'seed');
    for (const name of NAMES) {
      expect((await api(name, '{ posts { title views } }')).data).toEqual({ posts: [{ title: 'seed', views: 0 }] });
      const project = await management(name, 'query ($n: String!, $s: String!) { project(name: $n, stage: $s) { datamodel } }', { n: SERVICE, s: STAGE });
      expect(project.data.project.datamodel).toBe(DATAMODEL);
    }
    // C's cached schema has no `body` yet.
    const before = await api('C', '{ posts { title body } }');
    expect(JSON.stringify(before.errors)).toContain('body');

    const deployStarted = Date.now();
    const second = await deploy('B', DATAMODEL_WITH_BODY);
    expect(second).toBe(first + 1);
    const deployAnswered = Date.now();
    const success = await migrated('B', second);
    // From the moment SUCCESS was seen, C must answer with the new field within 1000 ms.
    let answer: any;
    await until(
      async () => {
        answer = await api('C', '{ posts { title body } }');
        return answer.errors === undefined;
      },
      'worker C to serve the redeployed field `body`',
      Math.max(0, success + 1000 - Date.now()),
      10,
    );
    const servedByC = Date.now();
    expect(servedByC - success).toBeLessThanOrEqual(1000);
    expect(answer).toEqual({ data: { posts: [{ title: 'seed', body: null }] } });
    timings.push(
      `redeploy: deploy answered ${deployAnswered - deployStarted} ms, SUCCESS seen +${success - deployAnswered} ms, C served the new field +${servedByC - success} ms after SUCCESS`,
    );
    // The new field also works for writes through C and reads through A and B.
    await mutate('C', 'mutation { createPost(data: {title: "with-body", body: "hello"}) { id } }');
    for (const name of ['A', 'B'] as const) {
      expect((await api(name, '{ posts(where: {body_not: null}) { title body } }')).data).toEqual({ posts: [{ title: 'with-body', body: 'hello' }] });
      const project = await management(name, 'query ($n: String!, $s: String!) { project(name: $n, stage: $s) { datamodel } }', { n: SERVICE, s: STAGE });
      expect(project.data.project.datamodel).toBe(DATAMODEL_WITH_BODY);
    }
  });

  it('a subscriber on C receives the events of mutations through A and B, once each, in commit order', async () => {
    logsOnFailure();
    const started = Date.now();
    const sub = subscribeOn('C', 'subscription { post { mutation node { id title } updatedFields previousValues { id title views } } }');
    const marker = await live(sub, ['A', 'B'], 's2');
    const from = sub.events.length;
    const received = () => sub.events.slice(from);
    const count = (mutation: string) => received().filter((e) => e.data.post.mutation === mutation).length;

    // Sequential writes alternating between A and B (each awaited: commit order = this order),
    // then a concurrent burst through both. A node's CREATED/UPDATED payload is read when it is
    // delivered (spec §9.6), so the test waits for them before deleting the node.
    const sequential: { id: string; title: string }[] = [];
    for (let i = 0; i < 6; i++) {
      const title = `seq-${i}`;
      sequential.push({ id: await createPost(i % 2 === 0 ? 'A' : 'B', title), title });
    }
    const burst = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const title = `burst-${i}`;
        return { id: await createPost(i % 2 === 0 ? 'A' : 'B', title), title };
      }),
    );
    await until(() => count('CREATED') >= 14, '14 CREATED events');
    for (const [i, { id }] of sequential.entries()) {
      await mutate(i % 2 === 0 ? 'B' : 'A', 'mutation ($id: ID!, $t: String!, $v: Int!) { updatePost(where: {id: $id}, data: {title: $t, views: $v}) { id } }', {
        id,
        t: `seq-${i}-updated`,
        v: i + 1,
      });
    }
    await until(() => count('UPDATED') >= 6, '6 UPDATED events');
    for (const [i, { id }] of sequential.entries()) await mutate(i % 2 === 0 ? 'A' : 'B', 'mutation ($id: ID!) { deletePost(where: {id: $id}) { id } }', { id });
    await Promise.all(burst.map(({ id }, i) => mutate(i % 2 === 0 ? 'B' : 'A', 'mutation ($id: ID!) { deletePost(where: {id: $id}) { id } }', { id })));
    await until(() => count('DELETED') >= 14, '14 DELETED events');
    await sleep(300); // nothing more may arrive
    const events = received();
    expect(sub.errors).toEqual([]);
    // The commit order (ids are assigned in commit order under a per-project lock) is the order
    // the subscriber got, event for event, including the concurrent ones.
    const got = events.map((e) => ({ eventId: e.eventId, mutation: e.data.post.mutation, nodeId: nodeIdOf(e) }));
    expect(got, describeEvents(sub.events, from)).toEqual(await storedEvents(marker));
    expect(events).toHaveLength(34);
    expectIncreasingIds(events);

    // Exactly the mutations sent, in the order they were committed.
    const seqIds = sequential.map((p) => p.id);
    const burstIds = new Set(burst.map((p) => p.id));
    const summary = events.map((e) => `${e.data.post.mutation} ${nodeIdOf(e)}`);
    expect(summary.slice(0, 6)).toEqual(seqIds.map((id) => `CREATED ${id}`));
    expect(new Set(events.slice(6, 14).map(nodeIdOf))).toEqual(burstIds);
    expect(summary.slice(14, 20)).toEqual(seqIds.map((id) => `UPDATED ${id}`));
    expect(summary.slice(20, 26)).toEqual(seqIds.map((id) => `DELETED ${id}`));
    expect(events.slice(26).map((e) => e.data.post.mutation)).toEqual(Array(8).fill('DELETED'));
    expect(new Set(events.slice(26).map(nodeIdOf))).toEqual(burstIds);

    // Prisma 1 payloads.
    expect(events[0]!.data.post).toEqual({ mutation: 'CREATED', node: { id: seqIds[0], title: 'seq-0' }, updatedFields: null, previousValues: null });
    const update = events[14]!.data.post;
    expect({ ...update, updatedFields: [...update.updatedFields].sort() }).toEqual({
      mutation: 'UPDATED',
      node: { id: seqIds[0], title: 'seq-0-updated' },
      updatedFields: ['title', 'views'],
      previousValues: { id: seqIds[0], title: 'seq-0', views: 0 },
    });
    expect(events[20]!.data.post).toEqual({ mutation: 'DELETED', node: null, updatedFields: null, previousValues: { id: seqIds[0], title: 'seq-0-updated', views: 1 } });
    sub.dispose();
    timings.push(`step 2 ${Date.now() - started} ms (${events.length} events)`);
  });

  it('C dies (SIGKILL) mid-stream: no committed write is lost, its subscriber resumes on another worker with every event once, in order', async () => {
    logsOnFailure();
    const started = Date.now();
    const sub = resumingSubscriber(['C', 'A', 'B'], 'subscription { post(where: {mutation_in: [CREATED]}) { mutation node { id title } } }');
    const marker = await live(sub, ['A', 'B', 'C'], 's3');
    expect(sub.connections).toEqual([wsUrl('C')]);
    const from = sub.events.length;
    const received = () => sub.events.slice(from);

    // Writers: sequential creates through each worker until told to stop (C's ends when C dies).
    let stop = false;
    let killedAt = 0;
    const outcomes: Record<Name, { ok: string[]; answeredAt: number[]; failed: { title: string; error: string }[] }> = {
      A: { ok: [], answeredAt: [], failed: [] },
      B: { ok: [], answeredAt: [], failed: [] },
      C: { ok: [], answeredAt: [], failed: [] },
    };
    const writer = async (name: Name) => {
      for (let i = 0; !stop && i < 2000; i++) {
        const title = `k-${name}-${String(i).padStart(4, '0')}`;
        try {
          await createPost(name, title);
          outcomes[name].ok.push(title);
          outcomes[name].answeredAt.push(Date.now());
        } catch (error) {
          outcomes[name].failed.push({ title, error: String((error as Error).cause ?? error) });
          if (name === 'C' && workers.C.child.signalCode !== null) return;
        }
        await sleep(5);
      }
    };
    const writers = Promise.all(NAMES.map(writer));
    try {
      await until(() => received().length >= 15 && outcomes.C.ok.length >= 5, '15 events and 5 writes through C before the kill');
      const exited = new Promise((resolve) => workers.C.child.once('exit', resolve));
      const receivedBeforeKill = sub.events.length;
      workers.C.child.kill('SIGKILL');
      await exited;
      killedAt = Date.now();
      // The client reconnects to another worker and gets live events there.
      await until(() => sub.connections.length >= 2, 'the subscriber to reconnect', 20_000);
      const reconnectedAt = Date.now();
      await until(() => sub.events.length >= receivedBeforeKill + 20, '20 more events after the reconnect', 20_000);
      await sleep(300);
      timings.push(`step 3: reconnected ${reconnectedAt - killedAt} ms after the kill`);
    } finally {
      stop = true;
      await writers;
    }
    expect(workers.C.child.signalCode).toBe('SIGKILL');

    // Committed data: read through A and B, the same rows; every write that was answered is there.
    const read = async (name: Name) => (await api(name, '{ posts(where: {title_starts_with: "k-"}, orderBy: title_ASC) { id title } }')).data.posts as { id: string; title: string }[];
    const [rowsA, rowsB] = await Promise.all([read('A'), read('B')]);
    expect(rowsB).toEqual(rowsA);
    const titles = new Set(rowsA.map((r) => r.title));
    expect(outcomes.A.failed).toEqual([]);
    expect(outcomes.B.failed).toEqual([]);
    for (const name of NAMES) for (const title of outcomes[name].ok) expect(titles.has(title), `${title} (answered by ${name}) is missing`).toBe(true);
    // A write through C that got no answer may or may not have committed; nothing else is there.
    const sent = new Set(NAMES.flatMap((name) => [...outcomes[name].ok, ...outcomes[name].failed.map((f) => f.title)]));
    expect([...titles].filter((title) => !sent.has(title))).toEqual([]);

    // The subscriber: the event of every committed row, exactly once, in commit order.
    const kEvents = () => received().filter((e) => e.data.post.node.title.startsWith('k-'));
    await until(() => kEvents().length >= rowsA.length, `${rowsA.length} events`, 15_000).catch(() => undefined);
    await sleep(300); // nothing more may arrive
    const events = received();
    expect(sub.errors).toEqual([]);
    const got = events.map((e) => ({ eventId: e.eventId, mutation: e.data.post.mutation, nodeId: e.data.post.node.id }));
    expect(got, describeEvents(sub.events, from)).toEqual(await storedEvents(marker));
    expect(events.every((e) => e.data.post.node.title.startsWith('k-'))).toBe(true);
    expect(events.map((e) => e.data.post.node.title).sort()).toEqual([...titles].sort());
    expectIncreasingIds(events);
    for (const name of NAMES) {
      const mine = events.map((e) => e.data.post.node.title as string).filter((t) => t.startsWith(`k-${name}-`));
      expect(mine).toEqual([...mine].sort());
    }

    // Writes committed while the subscriber had no connection at all (answered after C had exited
    // and before the new connection was acknowledged) reached it through the resume.
    const missedWhileDisconnected = NAMES.flatMap((name) => outcomes[name].ok.filter((_, i) => outcomes[name].answeredAt[i]! > killedAt && outcomes[name].answeredAt[i]! < sub.connectedAt[1]!));
    expect(missedWhileDisconnected.length).toBeGreaterThan(0);
    const delivered = new Set(events.map((e) => e.data.post.node.title as string));
    expect(missedWhileDisconnected.filter((title) => !delivered.has(title))).toEqual([]);
    // It was connected to C, then to another worker, and resubscribed after the last id it had.
    expect(sub.connections[0]).toBe(wsUrl('C'));
    expect(sub.connections.slice(1).every((url) => url !== wsUrl('C'))).toBe(true);
    expect(sub.subscribes.length).toBeGreaterThanOrEqual(2);
    const resubscribe = sub.subscribes[1]!;
    expect(resubscribe.lastEventId).toBe(sub.events[resubscribe.received - 1]!.eventId);
    timings.push(
      `step 3 ${Date.now() - started} ms: writes answered A ${outcomes.A.ok.length}, B ${outcomes.B.ok.length}, C ${outcomes.C.ok.length} (+${outcomes.C.failed.length} unanswered), rows ${rowsA.length}, events ${events.length} (${missedWhileDisconnected.length} committed while disconnected), connections ${sub.connections.map((u) => Object.entries(workers).find(([, w]) => u.startsWith(w.url.replace('http', 'ws')))?.[0]).join('→')}, close codes ${sub.closes.join(',')}`,
    );
    sub.dispose();
  });
});
