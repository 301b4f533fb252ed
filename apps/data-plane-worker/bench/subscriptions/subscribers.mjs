// The subscribers of the subscription benchmark, all in the load generator's process. Most speak
// the protocols over bare `ws` sockets (a thousand graphql-ws clients would cost this process more
// than the worker being measured): `graphql-transport-ws` (graphql-ws's protocol) and the legacy
// `graphql-ws` (subscriptions-transport-ws, prisma-client-lib). A few are the real client
// libraries, so the bench also checks that what the bare sockets see is what users' clients see.
//
// Every subscriber records, per delivery, the receive time (performance.now(), taken first thing in
// the handler), the event id (`extensions.eventId`) and the node's title and stamp.
import { createClient } from 'graphql-ws';
import { SubscriptionClient } from 'subscriptions-transport-ws';
import WebSocket from 'ws';

export const KINDS = {
  transport: 'graphql-transport-ws (bare ws)',
  legacy: 'graphql-ws legacy (bare ws)',
  transportLib: 'graphql-transport-ws (graphql-ws createClient)',
  legacyLib: 'graphql-ws legacy (subscriptions-transport-ws)',
};

/** What one subscriber saw. */
class Subscriber {
  constructor(index, kind) {
    this.index = index;
    this.kind = kind;
    /** Receive times (ms, performance.now()), event ids, titles and stamps, one entry per delivery. */
    this.times = [];
    this.eventIds = [];
    this.titles = [];
    this.stamps = [];
    /** Anything else than a delivery after the subscription started: errors, closes, odd frames. */
    this.problems = [];
    this.acked = false;
    this.closedByServer = false;
  }

  delivered(t, result) {
    this.times.push(t);
    this.eventIds.push(result?.extensions?.eventId === undefined ? null : String(result.extensions.eventId));
    const node = result?.data?.post?.node;
    this.titles.push(node?.title ?? null);
    this.stamps.push(node?.stamp ?? null);
    if (result?.errors) this.problems.push(`errors in a result: ${JSON.stringify(result.errors)}`);
  }
}

const timeout = (ms, what) =>
  new Promise((_, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
    timer.unref();
  });

/**
 * A bare-socket subscriber. Resolves once the server acknowledged the init and the subscribe (or
 * start) message is sent; the subscription is live only once the server has joined it to the
 * event feed, which the protocols do not announce (hence the probe events of the benchmark).
 */
async function bareSubscriber({ url, token, query, index, legacy }) {
  const record = new Subscriber(index, legacy ? 'legacy' : 'transport');
  const socket = new WebSocket(url, legacy ? 'graphql-ws' : 'graphql-transport-ws', { perMessageDeflate: false });
  const subscribeType = legacy ? 'start' : 'subscribe';
  const dataType = legacy ? 'data' : 'next';
  let acked;
  const ack = new Promise((resolve, reject) => {
    acked = resolve;
    socket.once('error', reject);
    socket.once('close', (code, reason) => reject(new Error(`closed before the ack: ${code} ${reason}`)));
  });
  socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${token}` } })));
  socket.on('message', (data) => {
    const t = performance.now();
    let message;
    try {
      message = JSON.parse(data.toString());
    } catch {
      record.problems.push(`unparsable frame: ${String(data).slice(0, 200)}`);
      return;
    }
    switch (message.type) {
      case dataType:
        record.delivered(t, message.payload);
        return;
      case 'connection_ack':
        record.acked = true;
        socket.send(JSON.stringify({ id: '1', type: subscribeType, payload: { query } }));
        acked();
        return;
      case 'ka':
        return;
      case 'ping':
        socket.send(JSON.stringify({ type: 'pong' }));
        return;
      case 'pong':
        return;
      default:
        record.problems.push(`unexpected frame: ${String(data).slice(0, 300)}`);
    }
  });
  socket.on('close', (code, reason) => {
    if (!record.closing) {
      record.closedByServer = true;
      record.problems.push(`socket closed by the server: ${code} ${reason}`);
    }
  });
  socket.on('error', (error) => record.problems.push(`socket error: ${error.message}`));
  await Promise.race([ack, timeout(30_000, `subscriber ${index}`)]);
  record.close = () =>
    new Promise((resolve) => {
      record.closing = true;
      if (socket.readyState === WebSocket.CLOSED) return resolve(undefined);
      const cut = setTimeout(() => socket.terminate(), 2000);
      socket.once('close', () => {
        clearTimeout(cut);
        resolve(undefined);
      });
      socket.close(1000);
    });
  return record;
}

/** A graphql-ws `createClient` subscriber (lazy: false, so the socket opens at once). */
async function transportLibrarySubscriber({ url, token, query, index }) {
  const record = new Subscriber(index, 'transportLib');
  let resolveAck;
  let rejectAck;
  const ack = new Promise((resolve, reject) => {
    resolveAck = resolve;
    rejectAck = reject;
  });
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 0,
    on: {
      connected: () => {
        record.acked = true;
        resolveAck();
      },
      closed: (event) => {
        if (!record.closing) record.problems.push(`closed: ${event?.code} ${event?.reason}`);
        rejectAck(new Error(`closed before the ack: ${event?.code} ${event?.reason}`));
      },
    },
  });
  client.subscribe(
    { query },
    {
      next: (value) => record.delivered(performance.now(), value),
      error: (error) => record.problems.push(`subscription error: ${JSON.stringify(error?.message ?? error)}`),
      complete: () => {
        if (!record.closing) record.problems.push('the subscription completed');
      },
    },
  );
  await Promise.race([ack, timeout(30_000, `subscriber ${index}`)]);
  record.close = async () => {
    record.closing = true;
    await client.dispose();
  };
  return record;
}

/** A subscriptions-transport-ws `SubscriptionClient` subscriber (what prisma-client-lib uses). */
async function legacyLibrarySubscriber({ url, token, query, index }) {
  const record = new Subscriber(index, 'legacyLib');
  const client = new SubscriptionClient(url, { connectionParams: { Authorization: `Bearer ${token}` }, reconnect: false }, WebSocket);
  const ack = new Promise((resolve, reject) => {
    client.onConnected(() => {
      record.acked = true;
      resolve(undefined);
    });
    client.onDisconnected(() => {
      if (!record.closing) record.problems.push('disconnected');
      reject(new Error('disconnected before the ack'));
    });
    client.onError((error) => record.problems.push(`client error: ${error?.message ?? error}`));
  });
  client.request({ query }).subscribe({
    next: (value) => record.delivered(performance.now(), value),
    error: (error) => record.problems.push(`subscription error: ${JSON.stringify(error?.message ?? error)}`),
  });
  await Promise.race([ack, timeout(30_000, `subscriber ${index}`)]);
  record.close = async () => {
    record.closing = true;
    client.close();
  };
  return record;
}

/**
 * The kind of subscriber `index` (0-based) among `count`: the first `libraries` alternate between
 * the two client libraries, then every `legacyEvery`-th one is a bare legacy socket.
 */
export function kindOf(index, { libraries, legacyEvery }) {
  if (index < libraries) return index % 2 === 0 ? 'transportLib' : 'legacyLib';
  if (legacyEvery > 0 && (index - libraries) % legacyEvery === legacyEvery - 1) return 'legacy';
  return 'transport';
}

export function openSubscriber(kind, options) {
  switch (kind) {
    case 'transport':
      return bareSubscriber({ ...options, legacy: false });
    case 'legacy':
      return bareSubscriber({ ...options, legacy: true });
    case 'transportLib':
      return transportLibrarySubscriber(options);
    case 'legacyLib':
      return legacyLibrarySubscriber(options);
    default:
      throw new Error(`unknown subscriber kind ${kind}`);
  }
}

/**
 * Opens `count` subscribers, at most `concurrency` handshakes at a time, and returns them in index
 * order. `onOpen(record)` is called as each one is acknowledged, so the caller can register its
 * cleanup at once; the first failure rejects (after the others settle).
 */
export async function openSubscribers({ count, concurrency, mix, onOpen, ...options }) {
  const records = new Array(count);
  let next = 0;
  let failure;
  const lane = async () => {
    while (next < count && !failure) {
      const index = next++;
      try {
        const record = await openSubscriber(kindOf(index, mix), { ...options, index });
        records[index] = record;
        onOpen(record);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  if (failure) throw failure;
  return records;
}
