// Subscriptions end to end on real workers (spec §9): events written in the mutation's transaction
// reach subscribers in commit order over both WebSocket protocols, on every worker of the cluster,
// with Prisma 1's filters and payloads; none for rolled-back or batch writes; a subscriber that
// reconnects with the last event id it saw gets exactly what it missed; a redeploy ends them.
import { signHs256 } from '@refract/shared';
import { createClient, type Client } from 'graphql-ws';
import { SubscriptionClient } from 'subscriptions-transport-ws';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadWorkerConfig } from '../src/config/worker.config.js';
import { startWorker, type RunningWorker } from '../src/worker.js';
import { createLogger } from '@refract/shared';
import { MANAGEMENT_SECRET, useWorker, type WorkerHandle } from './worker.harness.js';

const DATAMODEL = `
type User { id: ID! @id  email: String! @unique  name: String!  posts: [Post!]! }
type Post { id: ID! @id  title: String!  views: Int! @default(value: 0)  author: User!  updatedAt: DateTime! @updatedAt }
`;

const TOKEN = signHs256({}, 's1');
const auth = { authorization: `Bearer ${TOKEN}` };

async function deploy(worker: WorkerHandle, datamodel = DATAMODEL): Promise<void> {
  const existing = await worker.management('{ project(name: "blog", stage: "dev") { name } }');
  if (existing.body.errors) await worker.management('mutation { addProject(input: {name: "blog", stage: "dev", secrets: ["s1"]}) { project { name } } }');
  const { body } = await worker.management('mutation ($t: String!) { deploy(input: {name: "blog", stage: "dev", types: $t, secrets: ["s1"]}) { errors { description } } }', { t: datamodel });
  expect(body.data.deploy.errors).toEqual([]);
  await worker.settled();
}

type Message = Record<string, any>;

/** A modern-protocol subscription that records results and the event ids it saw. */
function subscribe(client: Client, query: string, extensions?: Record<string, unknown>): { results: Message[]; ids: string[]; dispose: () => void } {
  const results: Message[] = [];
  const ids: string[] = [];
  const dispose = client.subscribe(
    { query, ...(extensions ? { extensions } : {}) },
    {
      next: (value) => {
        results.push(value.data as Message);
        const id = (value.extensions as Message | undefined)?.eventId;
        if (id !== undefined) ids.push(String(id));
      },
      error: (error) => results.push({ error }),
      complete: () => undefined,
    },
  );
  return { results, ids, dispose };
}

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('subscriptions on one worker', () => {
  const worker = useWorker('subs');
  const clients: { dispose(): void | Promise<void> }[] = [];
  afterAll(async () => {
    for (const client of clients) await client.dispose();
  });
  const modern = () => {
    const client = createClient({ url: `${worker.url.replace('http', 'ws')}/blog/dev`, webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${TOKEN}` }, lazy: false, retryAttempts: 0 });
    clients.push(client);
    return client;
  };
  const mutate = async (query: string) => {
    const { body } = await worker.post('/blog/dev', { query }, auth);
    return body;
  };
  /** Creates probe posts until the subscription sees one: then it is surely live. */
  const live = async (seen: () => number) => {
    const before = seen();
    for (let i = 0; seen() === before; i++) {
      await mutate(`mutation { createPost(data: {title: "probe-${i}", author: {connect: {email: "ann@x.io"}}}) { id } }`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (i > 50) throw new Error('subscription never became live');
    }
  };

  it('deploys and seeds', async () => {
    await deploy(worker);
    expect((await mutate('mutation { createUser(data: {email: "ann@x.io", name: "Ann"}) { id } }')).data.createUser.id).toBeTruthy();
  });

  it('delivers CREATED, UPDATED and DELETED with Prisma 1 payloads over graphql-transport-ws, in commit order', async () => {
    const client = modern();
    const sub = subscribe(client, 'subscription { post { mutation node { title views } updatedFields previousValues { title views } } }');
    await live(() => sub.results.length);
    const start = sub.results.length;
    // `node` is the node as it is at delivery (spec §9.6: re-read), so each event is awaited before
    // the next write changes the node.
    const created = await mutate('mutation { createPost(data: {title: "Hello", author: {connect: {email: "ann@x.io"}}}) { id } }');
    const id = created.data.createPost.id;
    await until(() => sub.results.length >= start + 1, 'the CREATED event');
    await mutate(`mutation { updatePost(where: {id: "${id}"}, data: {title: "Hello again", views: 3}) { id } }`);
    await until(() => sub.results.length >= start + 2, 'the UPDATED event');
    await mutate(`mutation { deletePost(where: {id: "${id}"}) { id } }`);
    await until(() => sub.results.length >= start + 3, 'three events');
    expect(sub.results.slice(start)).toEqual([
      { post: { mutation: 'CREATED', node: { title: 'Hello', views: 0 }, updatedFields: null, previousValues: null } },
      { post: { mutation: 'UPDATED', node: { title: 'Hello again', views: 3 }, updatedFields: ['title', 'views', 'updatedAt'], previousValues: { title: 'Hello', views: 0 } } },
      { post: { mutation: 'DELETED', node: null, updatedFields: null, previousValues: { title: 'Hello again', views: 3 } } },
    ]);
    // Event ids grow with commit order.
    const ids = sub.ids.slice(start).map(BigInt);
    expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
    // Each delivery is measured from the event's commit (/metrics answers loopback scrapers).
    const metrics = await (await fetch(`${worker.url}/metrics`)).text();
    const delivered = /refract_subscription_delivery_delay_seconds_count\{project="blog\$dev"\} (\d+)/.exec(metrics);
    expect(Number(delivered?.[1])).toBeGreaterThanOrEqual(3);
    sub.dispose();
  });

  it('applies mutation_in, updatedFields_contains and node filters; rolled-back and batch writes report nothing', async () => {
    const client = modern();
    const updates = subscribe(client, 'subscription { post(where: {mutation_in: [UPDATED], updatedFields_contains: "views", node: {title_starts_with: "F"}}) { mutation node { title views } } }');
    const all = subscribe(client, 'subscription { post { mutation node { title } } }');
    await live(() => all.results.length);
    // Each event is awaited before the next write: `node` and its filter see the node at delivery.
    const counted = all.results.length;
    const created = await mutate('mutation { createPost(data: {title: "First", author: {connect: {email: "ann@x.io"}}}) { id } }');
    const id = created.data.createPost.id;
    await until(() => all.results.length >= counted + 1, 'CREATED');
    await mutate(`mutation { updatePost(where: {id: "${id}"}, data: {title: "First!"}) { id } }`);
    await until(() => all.results.length >= counted + 2, 'the first UPDATED');
    await mutate(`mutation { updatePost(where: {id: "${id}"}, data: {views: 7}) { id } }`);
    await until(() => updates.results.length >= 1 && all.results.length >= counted + 3, 'the second UPDATED');
    const failed = await mutate('mutation { createPost(data: {title: "Ghost", author: {connect: {email: "nobody@x.io"}}}) { id } }');
    expect(failed.errors[0].code).toBe(3039);
    await mutate('mutation { updateManyPosts(data: {views: 1}) { count } }');
    await mutate(`mutation { updatePost(where: {id: "${id}"}, data: {title: "Second"}) { id } }`);
    await until(() => all.results.some((r) => r.post?.node?.title === 'Second'), 'the last update');
    expect(updates.results).toEqual([{ post: { mutation: 'UPDATED', node: { title: 'First!', views: 7 } } }]);
    expect(all.results.map((r) => r.post.node?.title).filter((t: string) => !t.startsWith('probe'))).toEqual(['First', 'First!', 'First!', 'Second']);
    updates.dispose();
    all.dispose();
  });

  it('resumes after the last event id it saw: missed events once, in order, then live ones', async () => {
    const client = modern();
    const first = subscribe(client, 'subscription { post(where: {mutation_in: [CREATED]}) { node { title } } }');
    await live(() => first.results.length);
    await mutate('mutation { createPost(data: {title: "seen", author: {connect: {email: "ann@x.io"}}}) { id } }');
    await until(() => first.results.some((r) => r.post.node.title === 'seen'), 'seen');
    const lastSeen = first.ids[first.ids.length - 1]!;
    first.dispose();
    // Written while nobody listens on this worker.
    for (const title of ['missed-1', 'missed-2']) await mutate(`mutation { createPost(data: {title: "${title}", author: {connect: {email: "ann@x.io"}}}) { id } }`);
    const resumed = subscribe(modern(), 'subscription { post(where: {mutation_in: [CREATED]}) { node { title } } }', { lastEventId: lastSeen });
    await until(() => resumed.results.length >= 2, 'the missed events');
    await mutate('mutation { createPost(data: {title: "live", author: {connect: {email: "ann@x.io"}}}) { id } }');
    await until(() => resumed.results.some((r) => r.post.node.title === 'live'), 'the live event');
    expect(resumed.results.map((r) => r.post.node.title).filter((t: string) => !t.startsWith('probe'))).toEqual(['missed-1', 'missed-2', 'live']);
    resumed.dispose();
  });

  it('refuses to resume after something that is not an event id', async () => {
    const sub = subscribe(modern(), 'subscription { post { mutation } }', { lastEventId: '12; DROP TABLE x' });
    await until(() => sub.results.length > 0, 'the refusal');
    expect(JSON.stringify(sub.results[0])).toContain("The event id '12; DROP TABLE x' to resume after is not valid.");
  });

  it('serves the legacy graphql-ws protocol prisma-client-lib uses', async () => {
    const legacy = new SubscriptionClient(`${worker.url.replace('http', 'ws')}/blog/dev`, { connectionParams: { Authorization: `Bearer ${TOKEN}` } }, WebSocket);
    clients.push({ dispose: () => legacy.close() });
    const results: Message[] = [];
    legacy.request({ query: 'subscription { user { mutation node { email } } }' }).subscribe({ next: (value) => void results.push(value.data as Message) });
    const before = results.length;
    for (let i = 0; results.length === before; i++) {
      await mutate(`mutation { createUser(data: {email: "u${i}@x.io", name: "U"}) { id } }`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (i > 50) throw new Error('legacy subscription never became live');
    }
    expect(results[0]).toEqual({ user: { mutation: 'CREATED', node: { email: expect.stringMatching(/^u\d+@x\.io$/) } } });
  });

  it('validateSubscriptionQuery (/private) answers the errors a subscription start would give', async () => {
    const validate = async (query: string) =>
      (await worker.post('/blog/dev/private', { query: 'query ($q: String!) { validateSubscriptionQuery(query: $q) { errors } }', variables: { q: query } }, auth)).body.data.validateSubscriptionQuery.errors;
    expect(await validate('subscription { post(where: {mutation_in: [CREATED]}) { node { title } } }')).toEqual([]);
    expect(await validate('subscription { post { node { nope } } }')).toEqual(['Cannot query field "nope" on type "Post".']);
    expect(await validate('subscription {')).toEqual(['the GraphQL Query was not valid']);
    expect(await validate('{ posts { id } }')).toEqual(['The provided query is not a subscription.']);
  });

  it('ends subscriptions with "Schema changed" when the project is redeployed', async () => {
    const client = modern();
    const sub = subscribe(client, 'subscription { post { mutation } }');
    await live(() => sub.results.length);
    await deploy(worker, DATAMODEL.replace('title: String!', 'title: String!  body: String'));
    await until(() => sub.results.some((r) => r.error !== undefined), 'the end of the subscription');
    expect(JSON.stringify(sub.results.find((r) => r.error !== undefined))).toContain('Schema changed');
  });
});

/** A raw `graphql-subscriptions` socket: the one protocol that acknowledges a started subscription. */
async function acknowledgedSubscription(url: string, query: string): Promise<{ messages: Message[]; close: () => void }> {
  const socket = new WebSocket(url, 'graphql-subscriptions');
  const messages: Message[] = [];
  const waitFor = (type: string) =>
    until(() => messages.some((m) => m.type === type), type).then(() => messages.find((m) => m.type === type)!);
  socket.on('message', (data) => messages.push(JSON.parse(String(data)) as Message));
  await new Promise((resolve) => socket.once('open', resolve));
  socket.send(JSON.stringify({ type: 'init', payload: { Authorization: `Bearer ${TOKEN}` } }));
  await waitFor('init_success');
  socket.send(JSON.stringify({ type: 'subscription_start', id: '1', query }));
  await waitFor('subscription_success');
  return { messages, close: () => socket.close() };
}

describe('subscriptions across workers', () => {
  const first = useWorker('subs2');
  let second: RunningWorker | undefined;
  afterAll(async () => {
    await second?.close();
  });

  it('a write on another worker right after a subscription is acknowledged is not lost', async () => {
    await deploy(first);
    second ??= await startWorker(
      loadWorkerConfig({ DATABASE_URL: first.database.url, PORT: '0', MANAGEMENT_API_SECRET: MANAGEMENT_SECRET, LOG_LEVEL: 'silent' }),
      createLogger({ name: 'second', level: 'silent' }),
    );
    await first.post('/blog/dev', { query: 'mutation { createUser(data: {email: "cy@x.io", name: "Cy"}) { id } }' }, auth);
    // A model nobody watched so far: the start itself makes the cluster record its events.
    const sub = await acknowledgedSubscription(`ws://127.0.0.1:${second.port}/blog/dev`, 'subscription { user(where: {mutation_in: [UPDATED]}) { node { name } } }');
    try {
      await first.post('/blog/dev', { query: 'mutation { updateUser(where: {email: "cy@x.io"}, data: {name: "Cyd"}) { id } }' }, auth);
      await until(() => sub.messages.some((m) => m.type === 'subscription_data'), 'the event');
      expect(sub.messages.find((m) => m.type === 'subscription_data')!.payload.data).toEqual({ user: { node: { name: 'Cyd' } } });
    } finally {
      sub.close();
    }
  });

  it('a mutation through one worker reaches a subscriber on another', async () => {
    second ??= await startWorker(
      loadWorkerConfig({ DATABASE_URL: first.database.url, PORT: '0', MANAGEMENT_API_SECRET: MANAGEMENT_SECRET, LOG_LEVEL: 'silent' }),
      createLogger({ name: 'second', level: 'silent' }),
    );
    await first.post('/blog/dev', { query: 'mutation { createUser(data: {email: "ann@x.io", name: "Ann"}) { id } }' }, auth);
    const client = createClient({ url: `ws://127.0.0.1:${second.port}/blog/dev`, webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${TOKEN}` }, retryAttempts: 0 });
    const sub = subscribe(client, 'subscription { post { node { title } } }');
    try {
      for (let i = 0; sub.results.length === 0; i++) {
        await first.post('/blog/dev', { query: `mutation { createPost(data: {title: "from-first-${i}", author: {connect: {email: "ann@x.io"}}}) { id } }` }, auth);
        await new Promise((resolve) => setTimeout(resolve, 100));
        if (i > 50) throw new Error('no event crossed workers');
      }
      expect(sub.results[0]).toEqual({ post: { node: { title: expect.stringMatching(/^from-first-\d+$/) } } });
    } finally {
      sub.dispose();
      await client.dispose();
    }
  });
});
