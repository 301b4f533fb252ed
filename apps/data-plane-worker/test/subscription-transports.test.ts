// The WebSocket protocol layer as a unit: `attachSubscriptionServer` on a plain HTTP server, with a
// hub written here that records every start and lets the test push events. The real clients
// (subscriptions-transport-ws's SubscriptionClient for `graphql-ws`, graphql-ws's createClient for
// `graphql-transport-ws`) check interoperability; raw sockets check the exact messages of spec
// §9.2–9.4 and of graphql-ws's PROTOCOL.md, the limits and the shutdown.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, signHs256 } from '@refract/shared';
import { createClient, type Client } from 'graphql-ws';
import { SubscriptionClient } from 'subscriptions-transport-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import type { LoadedProject } from '../src/project/project.registry.js';
import { ServiceTokenGate } from '../src/project/service-token.js';
import { attachSubscriptionServer, type SubscriptionServer, type SubscriptionServerConfig } from '../src/subscriptions/socket.server.js';
import type { SubscriptionHub, SubscriptionOutcome, SubscriptionRequest, SubscriptionSink } from '../src/subscriptions/subscription.hub.js';
import { RawSocket, closeSockets, refusal } from './socket.harness.js';

interface Start {
  readonly projectId: string;
  readonly request: SubscriptionRequest;
  readonly resumeAfter: string | null;
  readonly sink: SubscriptionSink;
  stopped: boolean;
}

/**
 * Records starts. A query containing `broken` is refused with two errors; one containing `replay`
 * gets an event delivered before `start` returns (as a resume does); while `hold` is set, `start`
 * waits for it.
 */
class TestHub implements SubscriptionHub {
  readonly starts: Start[] = [];
  private taken = 0;
  hold: Promise<void> | null = null;

  async start(project: LoadedProject, request: SubscriptionRequest, sink: SubscriptionSink, resumeAfter: string | null): Promise<SubscriptionOutcome> {
    const start: Start = { projectId: project.record.id, request, resumeAfter, sink, stopped: false };
    this.starts.push(start);
    if (this.hold) await this.hold;
    if (request.query.includes('broken')) return { ok: false, errors: [{ message: 'first problem' }, { message: 'second problem' }] };
    if (request.query.includes('replay')) sink.next({ data: { post: { mutation: 'CREATED' } } }, 'e0');
    return { ok: true, handle: { stop: () => void (start.stopped = true) } };
  }

  /** The next start the test has not looked at yet, once it happened. */
  async nextStart(): Promise<Start> {
    await vi.waitFor(() => expect(this.starts.length).toBeGreaterThan(this.taken), { timeout: 5_000 });
    return this.starts[this.taken++]!;
  }

  /** Forgets the starts not looked at (a test that failed early must not shift the next one's). */
  skip(): void {
    this.taken = this.starts.length;
  }

  get running(): number {
    return this.starts.filter((s) => !s.stopped).length;
  }
}

const project = (id: string, secrets: string[]) => ({ record: { id, secrets } }) as unknown as LoadedProject;
const PROJECTS = new Map([
  ['shop$dev', project('shop$dev', ['s1'])],
  ['open$dev', project('open$dev', [])],
]);
const GATES = new Map([...PROJECTS.values()].map((p) => [p, new ServiceTokenGate({ secrets: p.record.secrets, requiredService: null, allowPublic: true })]));

const token = (options: { expiresInSeconds?: number } = {}) => signHs256({}, 's1', options);
const bearer = (options: { expiresInSeconds?: number } = {}) => `Bearer ${token(options)}`;

const CONFIG: SubscriptionServerConfig = { maxConnections: 6, maxSubscriptionsPerConnection: 3, maxMessageBytes: 4096, initTimeoutMs: 1_000, keepAliveMs: 200 };

interface TestServer {
  readonly url: string;
  readonly hub: TestHub;
  readonly subscriptions: SubscriptionServer;
  close(): Promise<void>;
}

async function startServer(config: Partial<SubscriptionServerConfig> = {}): Promise<TestServer> {
  const server: Server = createServer((_request, response) => response.writeHead(404).end());
  const hub = new TestHub();
  const subscriptions = attachSubscriptionServer(server, {
    registry: { get: (id) => Promise.resolve(PROJECTS.get(id) ?? null) },
    endpoints: { gateOf: (p) => GATES.get(p)! },
    hub,
    config: { ...CONFIG, ...config },
    logger: createLogger({ name: 'subscription-transports-test', level: 'silent' }),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    hub,
    subscriptions,
    close: async () => {
      await subscriptions.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const clients: { close(): unknown }[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  closeSockets();
});

/** An initialised raw socket of the given protocol on /shop/dev. */
async function initialised(server: TestServer, protocol: 'graphql-ws' | 'graphql-transport-ws' | 'graphql-subscriptions', payload: Record<string, unknown> = { Authorization: bearer() }): Promise<RawSocket> {
  const socket = await RawSocket.open(`${server.url}/shop/dev`, protocol);
  socket.send({ type: protocol === 'graphql-subscriptions' ? 'init' : 'connection_init', payload });
  expect(await socket.next()).toEqual({ type: { 'graphql-ws': 'connection_ack', 'graphql-transport-ws': 'connection_ack', 'graphql-subscriptions': 'init_success' }[protocol] });
  return socket;
}

const SUBSCRIPTION = 'subscription { post { mutation node { id } } }';

describe('graphql-ws (subscriptions-transport-ws, spec §9.2)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterEach(() => server.hub.skip());
  afterAll(() => server.close());

  const legacyClient = (connectionParams: Record<string, unknown>) => {
    const client = new SubscriptionClient(`${server.url}/shop/dev`, { connectionParams, lazy: true }, WebSocket);
    clients.push({ close: () => client.close() });
    return client;
  };

  it('serves SubscriptionClient: init with the token, start, data carrying the event id, stop', async () => {
    const client = legacyClient({ Authorization: bearer() });
    const received: unknown[] = [];
    const subscription = client.request({ query: SUBSCRIPTION, variables: { where: { mutation_in: ['CREATED'] } }, operationName: '' }).subscribe({ next: (result) => received.push(result) });
    const start = await server.hub.nextStart();
    expect(start).toMatchObject({ projectId: 'shop$dev', resumeAfter: null, request: { query: SUBSCRIPTION, variables: { where: { mutation_in: ['CREATED'] } }, operationName: null } });
    start.sink.next({ data: { post: { mutation: 'CREATED', node: { id: 'p1' } } }, extensions: { cost: 1 } }, 'e1');
    await vi.waitFor(() => expect(received).toEqual([{ data: { post: { mutation: 'CREATED', node: { id: 'p1' } } }, extensions: { cost: 1, eventId: 'e1' } }]));
    subscription.unsubscribe();
    await vi.waitFor(() => expect(start.stopped).toBe(true));
  });

  it('resumes after the lastEventId of the init payload, unless a start names its own in extensions', async () => {
    const client = legacyClient({ Authorization: bearer(), lastEventId: 'e7' });
    client.request({ query: SUBSCRIPTION }).subscribe({});
    expect((await server.hub.nextStart()).resumeAfter).toBe('e7');
    client.request({ query: SUBSCRIPTION, extensions: { lastEventId: 'e9' } }).subscribe({});
    expect((await server.hub.nextStart()).resumeAfter).toBe('e9');
  });

  it("reports a refused start with the first error's message to SubscriptionClient", async () => {
    const client = legacyClient({ authorization: token() });
    const error = await new Promise<any>((resolve) => client.request({ query: 'subscription { broken }' }).subscribe({ error: resolve }));
    expect(error.message).toBe('first problem');
  });

  it('echoes ids in their JSON type and sends "Schema changed" when the hub ends a subscription; never complete', async () => {
    const socket = await initialised(server, 'graphql-ws');
    socket.send({ id: 1, type: 'start', payload: { query: SUBSCRIPTION } });
    const numeric = await server.hub.nextStart();
    socket.send({ id: '1', type: 'start', payload: { query: `${SUBSCRIPTION} # second` } });
    // The same id as a string names the same subscription (Prisma 1 keys them as text): it replaces it.
    const textual = await server.hub.nextStart();
    await vi.waitFor(() => expect(numeric.stopped).toBe(true));
    socket.send({ id: 'a', type: 'start', payload: { query: SUBSCRIPTION } });
    const lettered = await server.hub.nextStart();
    textual.sink.next({ data: { post: null } }, 'e2');
    expect(await socket.nextText()).toBe('{"id":"1","type":"data","payload":{"data":{"post":null},"extensions":{"eventId":"e2"}}}');
    lettered.sink.next({ data: { post: null } }, 'e3');
    expect(await socket.nextText()).toBe('{"id":"a","type":"data","payload":{"data":{"post":null},"extensions":{"eventId":"e3"}}}');
    socket.send({ id: 2, type: 'start', payload: { query: SUBSCRIPTION } });
    const second = await server.hub.nextStart();
    second.sink.next({ data: { post: null } }, 'e4');
    expect(await socket.nextText()).toBe('{"id":2,"type":"data","payload":{"data":{"post":null},"extensions":{"eventId":"e4"}}}');
    second.sink.schemaChanged();
    expect(await socket.nextText()).toBe('{"id":2,"type":"error","payload":{"message":"Schema changed"}}');
    second.sink.next({ data: { post: null } }, 'e5');
    socket.send({ id: 2, type: 'stop' });
    socket.send({ id: 3, type: 'start', payload: { query: 'subscription { broken }' } });
    await server.hub.nextStart();
    expect(await socket.next()).toEqual({ id: 3, type: 'error', payload: { message: 'first problem' } });
    socket.send({ id: 'a', type: 'stop' });
    await vi.waitFor(() => expect(lettered.stopped).toBe(true));
    expect(await socket.framesWithin(100)).toEqual([]);
  });

  it('answers unreadable frames with "The message can\'t be parsed" and keeps the socket', async () => {
    const socket = await RawSocket.open(`${server.url}/shop/dev`, 'graphql-ws');
    const parseError = '{"id":"","type":"error","payload":{"message":"The message can\'t be parsed"}}';
    for (const frame of ['not json', '[1]', '{"type":"bogus"}', '{"type":"start","id":1}', '{"type":"start","id":1.5,"payload":{"query":"x"}}', '{"type":"stop"}', '{"type":"connection_init","payload":"x"}']) {
      socket.send(frame);
      expect(await socket.nextText()).toBe(parseError);
    }
    socket.socket.send(Buffer.from('{"type":"connection_init"}'), { binary: true });
    expect(await socket.nextText()).toBe(parseError);
    socket.send({ type: 'connection_init', payload: { Authorization: bearer() } });
    expect(await socket.next()).toEqual({ type: 'connection_ack' });
  });

  it('refuses anything before init, a missing or a bad token, and lets the client init again', async () => {
    const socket = await RawSocket.open(`${server.url}/shop/dev`, 'graphql-ws');
    socket.send({ id: 1, type: 'start', payload: { query: SUBSCRIPTION } });
    expect(await socket.nextText()).toBe('{"type":"connection_error","payload":{"message":"You have to send an init message before sending anything else."}}');
    socket.send({ type: 'connection_init', payload: {} });
    expect(await socket.next()).toEqual({ type: 'connection_error', payload: { message: 'No Authorization field was provided in payload.' } });
    socket.send({ type: 'connection_init', payload: { Authorization: `Bearer ${signHs256({}, 'other')}` } });
    expect(await socket.next()).toEqual({ type: 'connection_error', payload: { message: 'Authentication token is invalid.' } });
    socket.send({ type: 'connection_init', payload: { Authorization: token() } });
    expect(await socket.next()).toEqual({ type: 'connection_ack' });
    // Prisma 1 ignores a second init once initialised.
    socket.send({ type: 'connection_init', payload: { Authorization: 'bad' } });
    expect(await socket.framesWithin(100)).toEqual([]);
  });

  it('acknowledges any init on a project without secrets that may be public', async () => {
    const socket = await RawSocket.open(`${server.url}/open/dev`, 'graphql-ws');
    socket.send({ type: 'connection_init', payload: { Authorization: 'Bearer undefined' } });
    expect(await socket.next()).toEqual({ type: 'connection_ack' });
  });

  it('sends a keep-alive every interval from the start, initialised or not', async () => {
    const socket = await RawSocket.open(`${server.url}/shop/dev`, 'graphql-ws');
    const started = Date.now();
    expect(await socket.nextText({ keepAlives: true })).toBe('{"type":"ka"}');
    expect(await socket.nextText({ keepAlives: true })).toBe('{"type":"ka"}');
    expect(Date.now() - started).toBeGreaterThanOrEqual(2 * CONFIG.keepAliveMs - 20);
  });

  it('closes an unknown project after a connection error, a socket without accepted init after the timeout, and on connection_terminate', async () => {
    const unknown = await RawSocket.open(`${server.url}/nope/dev`, 'graphql-ws');
    unknown.send({ type: 'connection_init', payload: { Authorization: bearer() } });
    expect(await unknown.next()).toEqual({ type: 'connection_error', payload: { message: "Project not found: 'nope$dev'" } });
    expect(await unknown.closed).toEqual({ code: 4404, reason: 'Project not found' });

    const refused = await RawSocket.open(`${server.url}/shop/dev`, 'graphql-ws');
    refused.send({ type: 'connection_init', payload: { Authorization: 'bad' } });
    expect((await refused.next()).type).toBe('connection_error');
    expect(await refused.closed).toEqual({ code: 4408, reason: 'Connection initialisation timeout' });

    const terminated = await initialised(server, 'graphql-ws');
    terminated.send({ type: 'connection_terminate' });
    expect((await terminated.closed).code).toBe(1000);
  });

  it('closes the socket with a connection error when its token expires, ending its subscriptions', async () => {
    const socket = await initialised(server, 'graphql-ws', { Authorization: bearer({ expiresInSeconds: 2 }) });
    socket.send({ id: 1, type: 'start', payload: { query: SUBSCRIPTION } });
    const start = await server.hub.nextStart();
    expect(await socket.next()).toEqual({ type: 'connection_error', payload: { message: 'The authentication token has expired.' } });
    expect(await socket.closed).toEqual({ code: 4403, reason: 'Token expired' });
    await vi.waitFor(() => expect(start.stopped).toBe(true));
  });

  it('limits subscriptions per connection', async () => {
    const socket = await initialised(server, 'graphql-ws');
    const starts = [];
    for (const id of [1, 2, 3]) {
      socket.send({ id, type: 'start', payload: { query: SUBSCRIPTION } });
      starts.push(await server.hub.nextStart());
    }
    socket.send({ id: 4, type: 'start', payload: { query: SUBSCRIPTION } });
    expect(await socket.next()).toEqual({ id: 4, type: 'error', payload: { message: 'Too many subscriptions on this connection: the limit is 3.' } });
    socket.send({ id: 1, type: 'stop' });
    socket.send({ id: 4, type: 'start', payload: { query: SUBSCRIPTION } });
    expect((await server.hub.nextStart()).stopped).toBe(false);
    expect(starts[0]!.stopped).toBe(true);
  });

  it('stops a subscription stopped while the hub was still deciding, and sends nothing for it', async () => {
    let answer!: () => void;
    server.hub.hold = new Promise((resolve) => (answer = resolve));
    try {
      const socket = await initialised(server, 'graphql-ws');
      socket.send({ id: 1, type: 'start', payload: { query: SUBSCRIPTION.replace('post', 'replay: post') } });
      const start = await server.hub.nextStart();
      socket.send({ id: 1, type: 'stop' });
      await socket.framesWithin(50);
      answer();
      await vi.waitFor(() => expect(start.stopped).toBe(true));
      expect(await socket.framesWithin(100)).toEqual([]);
    } finally {
      server.hub.hold = null;
    }
  });
});

describe('graphql-subscriptions (spec §9.3)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterEach(() => server.hub.skip());
  afterAll(() => server.close());

  it('speaks init/subscription_start/subscription_data/subscription_end with keepalive', async () => {
    const socket = await RawSocket.open(`${server.url}/shop/dev`, 'graphql-subscriptions');
    expect(socket.protocol).toBe('graphql-subscriptions');
    expect(await socket.nextText({ keepAlives: true })).toBe('{"type":"keepalive"}');
    socket.send({ type: 'subscription_start', id: 1, query: SUBSCRIPTION });
    expect(await socket.next()).toEqual({ type: 'init_fail', payload: { message: 'You have to send an init message before sending anything else.' } });
    socket.send({ type: 'init', payload: { Authorization: 'nope' } });
    expect(await socket.next()).toEqual({ type: 'init_fail', payload: { message: 'Authentication token is invalid.' } });
    socket.send({ type: 'init', payload: { Authorization: bearer() } });
    expect(await socket.next()).toEqual({ type: 'init_success' });
    // An event the hub delivers while starting (a resume) follows the confirmation.
    socket.send({ type: 'subscription_start', id: 1, query: 'subscription { replay: post { mutation } }', variables: { a: 1 }, extensions: { lastEventId: 'e3' } });
    const start = await server.hub.nextStart();
    expect(start).toMatchObject({ resumeAfter: 'e3', request: { variables: { a: 1 }, operationName: null } });
    expect(await socket.next()).toEqual({ id: 1, type: 'subscription_success' });
    expect(await socket.next()).toEqual({ id: 1, type: 'subscription_data', payload: { data: { post: { mutation: 'CREATED' } }, extensions: { eventId: 'e0' } } });
    start.sink.schemaChanged();
    expect(await socket.next()).toEqual({ id: 1, type: 'subscription_fail', payload: { errors: [{ message: 'Schema changed' }] } });
    socket.send({ type: 'subscription_start', id: 'x', query: 'subscription { broken }' });
    await server.hub.nextStart();
    expect(await socket.next()).toEqual({ id: 'x', type: 'subscription_fail', payload: { errors: [{ message: 'first problem' }] } });
    socket.send({ type: 'subscription_start', id: 2, query: SUBSCRIPTION });
    const second = await server.hub.nextStart();
    expect(await socket.next()).toEqual({ id: 2, type: 'subscription_success' });
    socket.send({ type: 'subscription_end', id: 2 });
    await vi.waitFor(() => expect(second.stopped).toBe(true));
    socket.send('{');
    expect(await socket.next()).toEqual({ id: '', type: 'error', payload: { message: "The message can't be parsed" } });
  });
});

describe('graphql-transport-ws (graphql-ws PROTOCOL.md)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterEach(() => server.hub.skip());
  afterAll(() => server.close());

  const modernClient = (connectionParams: Record<string, unknown>, path = '/shop/dev'): Client => {
    const client = createClient({ url: `${server.url}${path}`, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0 });
    clients.push({ close: () => client.dispose() });
    return client;
  };

  it('serves createClient: subscribe, next carrying the event id, complete', async () => {
    const client = modernClient({ Authorization: bearer() });
    const received: unknown[] = [];
    const dispose = client.subscribe({ query: SUBSCRIPTION, variables: { a: 1 }, operationName: 'x' }, { next: (value) => received.push(value), error: () => undefined, complete: () => undefined });
    const start = await server.hub.nextStart();
    expect(start).toMatchObject({ resumeAfter: null, request: { query: SUBSCRIPTION, variables: { a: 1 }, operationName: 'x' } });
    start.sink.next({ data: { post: { mutation: 'UPDATED' } } }, 'e1');
    start.sink.next({ data: { post: { mutation: 'DELETED' } } }, 'e2');
    await vi.waitFor(() =>
      expect(received).toEqual([
        { data: { post: { mutation: 'UPDATED' } }, extensions: { eventId: 'e1' } },
        { data: { post: { mutation: 'DELETED' } }, extensions: { eventId: 'e2' } },
      ]),
    );
    dispose();
    await vi.waitFor(() => expect(start.stopped).toBe(true));
  });

  it('resumes after extensions.lastEventId, or the lastEventId of the init payload', async () => {
    const client = modernClient({ Authorization: token(), lastEventId: 'e7' });
    client.subscribe({ query: SUBSCRIPTION }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    expect((await server.hub.nextStart()).resumeAfter).toBe('e7');
    client.subscribe({ query: SUBSCRIPTION, extensions: { lastEventId: 'e9' } }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    expect((await server.hub.nextStart()).resumeAfter).toBe('e9');
  });

  it('reports refused starts and schema changes as error messages carrying the errors array', async () => {
    const client = modernClient({ Authorization: bearer() });
    const refused = await new Promise((resolve) => client.subscribe({ query: 'subscription { broken }' }, { next: () => undefined, error: resolve, complete: () => undefined }));
    await server.hub.nextStart();
    expect(refused).toEqual([{ message: 'first problem' }, { message: 'second problem' }]);
    const changed = new Promise((resolve) => client.subscribe({ query: SUBSCRIPTION }, { next: () => undefined, error: resolve, complete: () => undefined }));
    (await server.hub.nextStart()).sink.schemaChanged();
    expect(await changed).toEqual([{ message: 'Schema changed' }]);
  });

  it('closes with 4403 when the token is refused and 4404 for an unknown project', async () => {
    const refused = await new Promise<any>((resolve) =>
      modernClient({ Authorization: `Bearer ${signHs256({}, 'other')}` }).subscribe({ query: SUBSCRIPTION }, { next: () => undefined, error: resolve, complete: () => undefined }),
    );
    expect({ code: refused.code, reason: refused.reason }).toEqual({ code: 4403, reason: 'Forbidden' });
    const unknown = await new Promise<any>((resolve) =>
      modernClient({ Authorization: bearer() }, '/nope/dev').subscribe({ query: SUBSCRIPTION }, { next: () => undefined, error: resolve, complete: () => undefined }),
    );
    expect({ code: unknown.code, reason: unknown.reason }).toEqual({ code: 4404, reason: 'Project not found' });
  });

  it('closes with the codes of the protocol: 4400, 4401, 4408, 4409, 4429', async () => {
    const invalid = await RawSocket.open(`${server.url}/shop/dev`, 'graphql-transport-ws');
    invalid.send('not json');
    expect(await invalid.closed).toEqual({ code: 4400, reason: 'Invalid message received' });
    const unknownType = await initialised(server, 'graphql-transport-ws');
    unknownType.send({ type: 'next', id: '1', payload: {} });
    expect(await unknownType.closed).toEqual({ code: 4400, reason: 'Invalid message type "next"' });
    const badSubscribe = await initialised(server, 'graphql-transport-ws');
    badSubscribe.send({ type: 'subscribe', id: 1, payload: { query: SUBSCRIPTION } });
    expect(await badSubscribe.closed).toEqual({ code: 4400, reason: 'Invalid "subscribe" message' });

    const early = await RawSocket.open(`${server.url}/shop/dev`, 'graphql-transport-ws');
    early.send({ type: 'subscribe', id: '1', payload: { query: SUBSCRIPTION } });
    expect(await early.closed).toEqual({ code: 4401, reason: 'Unauthorized' });

    const silent = await RawSocket.open(`${server.url}/shop/dev`, 'graphql-transport-ws');
    expect(await silent.closed).toEqual({ code: 4408, reason: 'Connection initialisation timeout' });

    const twice = await initialised(server, 'graphql-transport-ws');
    twice.send({ type: 'connection_init' });
    expect(await twice.closed).toEqual({ code: 4429, reason: 'Too many initialisation requests' });

    const duplicate = await initialised(server, 'graphql-transport-ws');
    duplicate.send({ type: 'subscribe', id: 'same', payload: { query: SUBSCRIPTION } });
    const first = await server.hub.nextStart();
    duplicate.send({ type: 'subscribe', id: 'same', payload: { query: SUBSCRIPTION } });
    expect(await duplicate.closed).toEqual({ code: 4409, reason: 'Subscriber for same already exists' });
    await vi.waitFor(() => expect(first.stopped).toBe(true));
  });

  it('answers ping with pong (echoing the payload), before and after init; ignores pong and unknown completes', async () => {
    const socket = await RawSocket.open(`${server.url}/shop/dev`, 'graphql-transport-ws');
    socket.send({ type: 'ping', payload: { at: 1 } });
    expect(await socket.next()).toEqual({ type: 'pong', payload: { at: 1 } });
    socket.send({ type: 'connection_init', payload: { Authorization: bearer() } });
    expect(await socket.next()).toEqual({ type: 'connection_ack' });
    socket.send({ type: 'pong' });
    socket.send({ type: 'complete', id: 'never-started' });
    socket.send({ type: 'ping' });
    expect(await socket.nextText()).toBe('{"type":"pong"}');
  });

  it('limits subscriptions per connection with an error message; the connection stays', async () => {
    const socket = await initialised(server, 'graphql-transport-ws');
    for (const id of ['1', '2', '3']) {
      socket.send({ type: 'subscribe', id, payload: { query: SUBSCRIPTION } });
      await server.hub.nextStart();
    }
    socket.send({ type: 'subscribe', id: '4', payload: { query: SUBSCRIPTION } });
    expect(await socket.next()).toEqual({ id: '4', type: 'error', payload: [{ message: 'Too many subscriptions on this connection: the limit is 3.' }] });
    socket.send({ type: 'complete', id: '2' });
    socket.send({ type: 'subscribe', id: '4', payload: { query: SUBSCRIPTION } });
    const fourth = await server.hub.nextStart();
    fourth.sink.next({ data: {} }, 'e1');
    expect(await socket.next()).toEqual({ id: '4', type: 'next', payload: { data: {}, extensions: { eventId: 'e1' } } });
  });

  it('closes with 4403 "Token expired" when the token expires', async () => {
    const socket = await initialised(server, 'graphql-transport-ws', { Authorization: bearer({ expiresInSeconds: 2 }) });
    expect(await socket.closed).toEqual({ code: 4403, reason: 'Token expired' });
  });
});

describe('upgrades, limits and shutdown', () => {
  it('refuses upgrades outside project paths and without a served subprotocol', async () => {
    const server = await startServer();
    try {
      const refusals = await Promise.all(
        [
          ['/status', 'graphql-ws'],
          ['/management', 'graphql-ws'],
          ['/shop/dev/private', 'graphql-ws'],
          ['/a/b/c/d', 'graphql-ws'],
          ['/shop/dev', undefined],
          ['/shop/dev', 'graphql-sse'],
        ].map(([path, protocol]) => refusal(`${server.url}${path}`, protocol)),
      );
      expect(refusals.map((r) => r.status)).toEqual([404, 404, 404, 400, 400, 400]);
      expect(refusals[4]!.body).toBe('Unsupported WebSocket subprotocol: request one of graphql-transport-ws, graphql-ws, graphql-subscriptions.\n');
      const socket = await RawSocket.open(`${server.url}/shop/dev`, ['graphql-sse', 'graphql-ws', 'graphql-transport-ws']);
      expect(socket.protocol).toBe('graphql-ws');
      const root = await RawSocket.open(server.url, 'graphql-transport-ws');
      root.send({ type: 'connection_init' });
      expect(await root.closed).toEqual({ code: 4404, reason: 'Project not found' });
    } finally {
      await server.close();
    }
  });

  it('limits connections per server and the size of a message', async () => {
    const server = await startServer({ maxConnections: 2, maxMessageBytes: 256 });
    try {
      const first = await RawSocket.open(`${server.url}/shop/dev`, 'graphql-ws');
      await RawSocket.open(`${server.url}/shop/dev`, 'graphql-ws');
      expect((await refusal(`${server.url}/shop/dev`, 'graphql-ws')).status).toBe(503);
      first.send({ type: 'connection_init', payload: { Authorization: 'x'.repeat(300) } });
      expect((await first.closed).code).toBe(1009);
      await vi.waitFor(() => expect(server.subscriptions.connections).toBe(1));
      await RawSocket.open(`${server.url}/shop/dev`, 'graphql-ws');
    } finally {
      await server.close();
    }
  });

  it('closes every socket with 1001 on shutdown, ends its subscriptions and refuses new upgrades', async () => {
    const server = await startServer();
    const legacy = await initialised(server, 'graphql-ws');
    const modern = await initialised(server, 'graphql-transport-ws');
    legacy.send({ id: 1, type: 'start', payload: { query: SUBSCRIPTION } });
    modern.send({ id: '1', type: 'subscribe', payload: { query: SUBSCRIPTION } });
    await server.hub.nextStart();
    await server.hub.nextStart();
    expect(server.hub.running).toBe(2);
    const closing = server.subscriptions.close();
    expect((await legacy.closed).code).toBe(1001);
    expect(await modern.closed).toEqual({ code: 1001, reason: 'Server shutting down' });
    await closing;
    expect(server.hub.running).toBe(0);
    expect(server.subscriptions.connections).toBe(0);
    expect((await refusal(`${server.url}/shop/dev`, 'graphql-ws')).status).toBe(503);
    await server.close();
  });
});
