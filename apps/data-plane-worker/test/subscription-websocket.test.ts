// Subscriptions over WebSocket against a real worker (spec §1.5, §9.1–9.4): the project path of
// the worker's own port, both client libraries, tokens checked exactly like HTTP (one gate for
// both), unknown and non-public projects, the worker-wide connection limit, and shutdown. What a
// subscription delivers is the engine's business; here a start only has to be answered.
import { createHmac } from 'node:crypto';
import { createLogger, signHs256 } from '@refract/shared';
import { createClient } from 'graphql-ws';
import { SubscriptionClient } from 'subscriptions-transport-ws';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { loadWorkerConfig } from '../src/config/worker.config.js';
import { startWorker } from '../src/worker.js';
import { RawSocket, closeSockets, refusal } from './socket.harness.js';
import { MANAGEMENT_SECRET, useWorker } from './worker.harness.js';

const DEPLOY = `mutation ($name: String!, $types: String!, $secrets: [String!]) {
  deploy(input: {name: $name, stage: "dev", types: $types, secrets: $secrets}) { errors { description } }
}`;
const ADD = 'mutation ($name: String!, $secrets: [String!]) { addProject(input: {name: $name, stage: "dev", secrets: $secrets}) { project { name } } }';
const DATAMODEL = 'type Post { id: ID! @id  title: String! }';

/** A document no engine accepts: its start must be answered with an error. */
const UNKNOWN_MODEL = 'subscription { nope { mutation } }';

const worker = useWorker('websocket', { WS_INIT_TIMEOUT_MS: '2000' });
const wsUrl = (path: string) => `${worker.url.replace('http:', 'ws:')}${path}`;

/** A JWT with any header, signed with HMAC-SHA256 regardless of what the header claims. */
function forged(header: Record<string, unknown>, payload: Record<string, unknown>, secret = 's1'): string {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const head = `${b64(header)}.${b64(payload)}`;
  return header.alg === 'none' ? `${head}.` : `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  closeSockets();
});

/** What a legacy socket answers to an init with this payload: `connection_ack` or the error message. */
async function legacyInit(path: string, payload: Record<string, unknown>): Promise<string> {
  const socket = await RawSocket.open(wsUrl(path), 'graphql-ws');
  socket.send({ type: 'connection_init', payload });
  const answer = await socket.next();
  await socket.close();
  return answer.type === 'connection_ack' ? 'connection_ack' : answer.payload.message;
}

describe('subscriptions over WebSocket (real worker)', () => {
  beforeAll(async () => {
    for (const [name, secrets] of [
      ['shop', ['s1', 's2']],
      ['open', null],
    ] as const) {
      await worker.management(ADD, { name, secrets });
      const { body } = await worker.management(DEPLOY, { name, types: DATAMODEL, secrets });
      expect(body.errors ?? body.data.deploy.errors).toEqual([]);
    }
    await worker.settled();
  });

  it("serves subscriptions-transport-ws configured like prisma-client-lib, on the project's path", async () => {
    const client = new SubscriptionClient(
      wsUrl('/shop/dev'),
      { lazy: true, reconnect: false, inactivityTimeout: 60_000, connectionParams: { Authorization: `Bearer ${signHs256({}, 's2')}` } },
      WebSocket,
    );
    closers.push(() => client.close());
    const connected = new Promise((resolve) => client.onConnected(resolve));
    const error = await new Promise<any>((resolve) => client.request({ query: UNKNOWN_MODEL }).subscribe({ error: resolve }));
    await connected;
    expect(error.message).toEqual(expect.any(String));
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('serves graphql-ws clients (graphql-transport-ws) on the same port and path', async () => {
    let acknowledged = false;
    const client = createClient({
      url: wsUrl('/shop/dev'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: signHs256({}, 's1') },
      on: { connected: () => void (acknowledged = true) },
    });
    closers.push(() => client.dispose());
    const errors = await new Promise<any>((resolve) => client.subscribe({ query: UNKNOWN_MODEL }, { next: () => undefined, error: resolve, complete: () => undefined }));
    expect(acknowledged).toBe(true);
    expect(errors).toEqual([expect.objectContaining({ message: expect.any(String) })]);
  });

  it('checks the init token exactly like HTTP checks the Authorization header', async () => {
    const now = Math.floor(Date.now() / 1000);
    const tokens = [
      `Bearer ${signHs256({}, 's1')}`,
      signHs256({}, 's2', { expiresInSeconds: 60 }),
      `Bearer ${signHs256({}, 'wrong')}`,
      `Bearer ${forged({ alg: 'none', typ: 'JWT' }, {})}`,
      `Bearer ${forged({ alg: 'HS512', typ: 'JWT' }, {})}`,
      `Bearer ${forged({ alg: 'HS256', typ: 'JWT' }, { exp: now - 10 })}`,
      `Bearer ${forged({ alg: 'HS256', typ: 'JWT' }, { nbf: now + 600 })}`,
      'Bearer undefined',
    ];
    for (const authorization of tokens) {
      const http = await worker.post('/shop/dev', { query: '{ posts { id } }' }, { authorization });
      const socket = await legacyInit('/shop/dev', { Authorization: authorization });
      expect({ authorization, socket }).toEqual({ authorization, socket: http.body.errors ? 'Authentication token is invalid.' : 'connection_ack' });
    }
    expect(await legacyInit('/shop/dev', {})).toBe('No Authorization field was provided in payload.');
  });

  it('refuses a project without secrets like HTTP does when public projects are not allowed', async () => {
    expect((await worker.post('/open/dev', { query: '{ posts { id } }' }, { authorization: 'Bearer undefined' })).body.errors[0].code).toBe(3015);
    expect(await legacyInit('/open/dev', { Authorization: 'Bearer undefined' })).toBe('Authentication token is invalid.');
    const modern = await RawSocket.open(wsUrl('/open/dev'), 'graphql-transport-ws');
    modern.send({ type: 'connection_init', payload: {} });
    expect(await modern.closed).toEqual({ code: 4403, reason: 'Forbidden' });
  });

  it('closes the socket of an unknown project (legacy after a connection error) and refuses non-project paths', async () => {
    const legacy = await RawSocket.open(wsUrl('/nope/dev'), 'graphql-ws');
    legacy.send({ type: 'connection_init', payload: { Authorization: `Bearer ${signHs256({}, 's1')}` } });
    expect(await legacy.next()).toEqual({ type: 'connection_error', payload: { message: "Project not found: 'nope$dev'" } });
    expect((await legacy.closed).code).toBe(4404);
    const modern = await RawSocket.open(wsUrl('/nope'), 'graphql-transport-ws');
    modern.send({ type: 'connection_init' });
    expect((await modern.closed).code).toBe(4404);
    expect((await refusal(wsUrl('/management'), 'graphql-ws')).status).toBe(404);
    expect((await refusal(wsUrl('/shop/dev'), 'graphql-transport-ws-v2')).status).toBe(400);
    // The HTTP side is untouched by the upgrade handler.
    expect(await (await fetch(`${worker.url}/status`)).text()).toBe('OK');
  });

  it('limits connections per worker from the environment and closes every socket when the worker stops', async () => {
    const other = await startWorker(
      loadWorkerConfig({ DATABASE_URL: worker.database.url, PORT: '0', MANAGEMENT_API_SECRET: MANAGEMENT_SECRET, LOG_LEVEL: 'silent', MAX_WS_CONNECTIONS: '2' }),
      createLogger({ name: 'second-worker', level: 'silent' }),
    );
    let stopped = false;
    try {
      const url = `ws://127.0.0.1:${other.port}/shop/dev`;
      const legacy = await RawSocket.open(url, 'graphql-ws');
      legacy.send({ type: 'connection_init', payload: { Authorization: signHs256({}, 's1') } });
      expect(await legacy.next()).toEqual({ type: 'connection_ack' });
      const modern = await RawSocket.open(url, 'graphql-transport-ws');
      expect((await refusal(url, 'graphql-ws')).status).toBe(503);
      await other.close();
      stopped = true;
      expect(await legacy.closed).toEqual({ code: 1001, reason: 'Server shutting down' });
      expect(await modern.closed).toEqual({ code: 1001, reason: 'Server shutting down' });
    } finally {
      if (!stopped) await other.close();
    }
  });
});
