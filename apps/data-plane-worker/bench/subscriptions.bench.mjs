#!/usr/bin/env node
// Benchmark (not a test): N concurrent subscribers on one worker. Reports the delay from a
// mutation's commit to the delivery of its event to every subscriber (p50/p99 over all N×M
// deliveries), the memory the worker spends per subscriber, and checks that no delivery was lost,
// duplicated or delivered out of commit order (exit code 1 if any was).
//
//   * one worker child (the built dist/main.js, default pool), a throw-away database, a service
//     deployed through the management API with `type Post { id title stamp }`;
//   * N subscribers in this process (bench/subscriptions/subscribers.mjs): bare `ws` sockets
//     speaking graphql-transport-ws, every BENCH_LEGACY_EVERY-th one the legacy graphql-ws, plus
//     BENCH_LIBRARY_CLIENTS real clients (graphql-ws createClient, subscriptions-transport-ws),
//     all on `subscription { post(where: {mutation_in: [CREATED]}) { node { title stamp } } }`;
//   * memory before the subscribers, once all are live and after the events: /proc VmRSS, /metrics,
//     and the JS heap after a forced full GC through the inspector (the child runs with
//     --inspect on a loopback port of its own; BENCH_GC=0 leaves the inspector out);
//   * M `createPost` mutations over HTTP at a fixed rate (open loop), each with a stamp taken when
//     it is sent. The transaction has committed before the worker answers, so the response's
//     arrival (its headers, through node:http, not fetch, whose promise settles a few turns of
//     this busy event loop later) stands for the commit: delay = receive − response. Also reported:
//     receive − send, and receive − Event.createdAt, which the worker sets with clock_timestamp()
//     when it writes the event, its transaction's last write (since c09a649; before, it was now(),
//     the transaction's start); and the worker's own refract_subscription_delivery_delay_seconds
//     (event written → handed to the socket) over the measured window.
// The machine is small and shared: the load generator, the worker and PostgreSQL share its cores,
// and this process reads every socket itself. Compare distributions, not single figures.
//
//   npm run bench:subscriptions                     (builds the worker first)
//   BENCH_SUBSCRIBERS=100 BENCH_EVENTS=50 node apps/data-plane-worker/bench/subscriptions.bench.mjs
//
// Environment: DATABASE_URL (server for the scratch database; default 127.0.0.1:5432),
// BENCH_SUBSCRIBERS (1000), BENCH_EVENTS (200), BENCH_RATE (20 mutations/s),
// BENCH_CONNECT_CONCURRENCY (50 handshakes at a time), BENCH_LEGACY_EVERY (10; 0 = no bare legacy
// sockets), BENCH_LIBRARY_CLIENTS (4), BENCH_GC (1), BENCH_MEMORY_SAMPLES (3),
// BENCH_PROFILE (a .cpuprofile file: profiles the worker over the measured events only, and prints
// where the time went), BENCH_NODE_ARGS (extra node flags for the worker, e.g. `--cpu-prof
// --cpu-prof-dir=/tmp/prof` for a profile of its whole life).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, stopChild } from './query/children.mjs';
import { managementToken, serviceToken, startWorker } from './query/refract.mjs';
import { analyze, printReport } from './subscriptions/analysis.mjs';
import { cpuBetween, cpuSnapshot } from './subscriptions/cpu.mjs';
import { histogram, histogramWindow, metricSum, readMemory, scrapeMetrics } from './subscriptions/memory.mjs';
import { startProfile } from './subscriptions/profile.mjs';
import { openSubscribers } from './subscriptions/subscribers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const SERVICE = 'subs';
const STAGE = 'bench';
const SCHEMA = `${SERVICE}$${STAGE}`;
const DATAMODEL = `type Post {
  id: ID! @id
  title: String!
  stamp: String!
}
`;
const QUERY = 'subscription { post(where: {mutation_in: [CREATED]}) { node { title stamp } } }';
const CREATE = 'mutation ($title: String!, $stamp: String!) { createPost(data: {title: $title, stamp: $stamp}) { id } }';
/** The worker's API pool default (src/config/worker.config.ts); the bench does not change it. */
const POOL = 10;

function count(name, fallback, { min = 1 } = {}) {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}, got '${process.env[name]}'`);
  return value;
}
function positive(name, fallback) {
  const value = Number(process.env[name] ?? fallback);
  if (!(value > 0)) throw new Error(`${name} must be a positive number, got '${process.env[name]}'`);
  return value;
}

const config = {
  subscribers: count('BENCH_SUBSCRIBERS', 1000),
  events: count('BENCH_EVENTS', 200),
  rate: positive('BENCH_RATE', 20),
  connectConcurrency: count('BENCH_CONNECT_CONCURRENCY', 50),
  legacyEvery: count('BENCH_LEGACY_EVERY', 10, { min: 0 }),
  libraries: count('BENCH_LIBRARY_CLIENTS', 4, { min: 0 }),
  gc: (process.env.BENCH_GC ?? '1') !== '0',
  memorySamples: count('BENCH_MEMORY_SAMPLES', 3),
  profile: process.env.BENCH_PROFILE || null,
  pool: POOL,
  query: QUERY,
};
config.libraries = Math.min(config.libraries, config.subscribers);
if (config.profile && !config.gc) throw new Error('BENCH_PROFILE needs the inspector: leave BENCH_GC unset');

// ---- cleanup: registered as things are created, run once in reverse, also on Ctrl-C / SIGTERM ----
const cleanups = [];
let cleaning;
const cleanup = () =>
  (cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (error) {
        console.error(`cleanup: ${error.message}`);
      }
    }
  })());
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: closing the sockets, stopping the worker and dropping the database…`);
    cleanup().finally(() => process.exit(130));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const loadAverage = () => os.loadavg()[0].toFixed(1);

/** addProject + deploy of DATAMODEL with a service secret, then waits for the migration (spec §12). */
async function deploy({ port, managementSecret, serviceSecret }) {
  const call = async (query, variables = {}) => {
    const response = await fetch(`http://127.0.0.1:${port}/management`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${managementToken(managementSecret)}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(`management API: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const names = { n: SERVICE, s: STAGE, secrets: [serviceSecret] };
  await call('mutation ($n: String!, $s: String!, $secrets: [String!]) { addProject(input: {name: $n, stage: $s, secrets: $secrets}) { project { name } } }', names);
  const { deploy: result } = await call(
    'mutation ($n: String!, $s: String!, $t: String!, $secrets: [String!]) { deploy(input: {name: $n, stage: $s, types: $t, secrets: $secrets}) { migration { revision } errors { type field description } } }',
    { ...names, t: DATAMODEL },
  );
  if (result.errors.length > 0) throw new Error(`deploy rejected the datamodel: ${JSON.stringify(result.errors)}`);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { migrationStatus } = await call('query ($n: String!, $s: String!) { migrationStatus(name: $n, stage: $s) { status errors } }', names);
    if (migrationStatus.status === 'SUCCESS') return;
    if (migrationStatus.errors.length > 0) throw new Error(`migration failed: ${migrationStatus.errors.join('\n')}`);
    if (Date.now() > deadline) throw new Error(`migration still ${migrationStatus.status} after 60 s`);
    await sleep(20);
  }
}

async function main() {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  cleanups.push(() => admin.end());
  config.loadAtStart = loadAverage();
  const database = `refract_bench_${Date.now()}`;
  await admin.query(`CREATE DATABASE "${database}"`);
  cleanups.push(() => admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();

  // 1. The worker, with an inspector of our own for forced GCs (BENCH_NODE_ARGS reaches it too).
  const managementSecret = randomBytes(16).toString('hex');
  const serviceSecret = randomBytes(16).toString('hex');
  const port = await freePort();
  const inspectorPort = config.gc ? await freePort() : null;
  if (!existsSync(join(root, 'apps/data-plane-worker/dist/main.js'))) throw new Error('apps/data-plane-worker/dist/main.js is missing: build it (npm run bench:subscriptions does)');
  const nodeArgs = process.env.BENCH_NODE_ARGS;
  if (inspectorPort) process.env.BENCH_NODE_ARGS = `${nodeArgs ?? ''} --inspect=127.0.0.1:${inspectorPort}`;
  const worker = startWorker({ root, databaseUrl, port, managementSecret, poolSize: POOL });
  if (nodeArgs === undefined) delete process.env.BENCH_NODE_ARGS;
  else process.env.BENCH_NODE_ARGS = nodeArgs;
  cleanups.push(() => stopChild(worker.child));
  await worker.ready;
  let started = performance.now();
  await deploy({ port, managementSecret, serviceSecret });
  console.log(`database ${database}; worker pid ${worker.child.pid} on port ${port}; deployed ${SERVICE}/${STAGE} in ${seconds(performance.now() - started)}`);

  const token = serviceToken(serviceSecret);
  const endpoint = `http://127.0.0.1:${port}/${SERVICE}/${STAGE}`;
  const wsUrl = `ws://127.0.0.1:${port}/${SERVICE}/${STAGE}`;
  // Idle sockets are dropped after 4 s, before the worker's keep-alive timeout (Node's 5 s) closes
  // them from its side: a request sent on a socket the server is just closing fails ECONNRESET.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16, timeout: 4000 });
  cleanups.push(() => agent.destroy());
  let retried = 0;
  /**
   * One createPost; `respondedAt` is taken when the response's headers are parsed. Retried once
   * when a reused keep-alive socket was reset before any answer (the race above; the server never
   * read that request). A mutation applied twice would show as a duplicate event in the checks.
   */
  const createPost = async (title, stamp) => {
    try {
      return await postOnce(title, stamp);
    } catch (error) {
      if (!(error.reusedSocket && error.code === 'ECONNRESET')) throw error;
      retried++;
      return postOnce(title, stamp);
    }
  };
  const postOnce = (title, stamp) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ query: CREATE, variables: { title, stamp } });
      const request = http.request(
        endpoint,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } },
        (response) => {
          const respondedAt = performance.now();
          const chunks = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            let answer;
            try {
              answer = JSON.parse(Buffer.concat(chunks).toString());
            } catch {
              answer = {};
            }
            const error = answer.errors ? JSON.stringify(answer.errors) : answer.data?.createPost?.id ? null : `HTTP ${response.statusCode}: ${Buffer.concat(chunks).toString().slice(0, 200)}`;
            resolve({ respondedAt, error });
          });
        },
      );
      request.on('error', (error) => reject(Object.assign(error, { reusedSocket: request.reusedSocket })));
      request.end(body);
    });

  /** Sockets to close at the end (or on failure), whatever phase they belong to. */
  const open = new Set();
  cleanups.push(async () => {
    await Promise.all([...open].map((s) => s.close().catch(() => undefined)));
    open.clear();
  });
  const subscribe = (n, concurrency) =>
    openSubscribers({
      count: n,
      concurrency,
      mix: { libraries: Math.min(config.libraries, n), legacyEvery: config.legacyEvery },
      url: wsUrl,
      token,
      query: QUERY,
      onOpen: (record) => open.add(record),
    });
  let probes = 0;
  /** Creates a probe post every 200 ms until every subscriber has received at least one event. */
  const untilLive = async (records) => {
    const deadline = performance.now() + 60_000;
    while (records.some((r) => r.times.length === 0)) {
      if (performance.now() > deadline) throw new Error(`${records.filter((r) => r.times.length === 0).length} subscribers got no event within 60 s`);
      const { error } = await createPost(`probe-${probes++}`, 'probe');
      if (error) throw new Error(`a probe mutation failed: ${error}`);
      await sleep(200);
    }
  };

  /**
   * Sends `n` createPost mutations open loop at config.rate, titled `${prefix}-${i}`, each stamped
   * with its send time; resolves with them once all are answered.
   */
  const sendAtRate = async (n, prefix) => {
    const sent = [];
    const inFlight = [];
    const gap = 1000 / config.rate;
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      const wait = start + i * gap - performance.now();
      if (wait > 0) await sleep(wait);
      const sentAt = performance.now();
      const mutation = { title: `${prefix}-${i}`, stamp: `${i}@${(performance.timeOrigin + sentAt).toFixed(3)}`, sentAt, respondedAt: NaN, ok: false, error: null };
      sent.push(mutation);
      inFlight.push(
        createPost(mutation.title, mutation.stamp).then(
          ({ respondedAt, error }) => Object.assign(mutation, { respondedAt, ok: error === null, error }),
          (error) => Object.assign(mutation, { error: error.message }),
        ),
      );
    }
    await Promise.all(inFlight);
    return sent;
  };

  // 2. Warm-up: a few subscribers and mutations, so that code, plans and the project are loaded
  //    before the baseline; then they go again. Then the same mutations with no subscriber on the
  //    worker, for the round trip without fan-out.
  const warm = await subscribe(Math.min(10, config.subscribers), 10);
  await untilLive(warm);
  for (let i = 0; i < 20; i++) await createPost(`warm-${i}`, 'warm');
  await Promise.all(warm.map(async (r) => (await r.close(), open.delete(r))));
  await sleep(200);
  const unobserved = await sendAtRate(Math.max(20, Math.round(2 * config.rate)), 'alone');
  const failedAlone = unobserved.find((m) => !m.ok);
  if (failedAlone) throw new Error(`a mutation failed: ${failedAlone.error}`);
  await sleep(300);

  const memory = {};
  const pid = worker.child.pid;
  memory.before = await readMemory({ pid, port, inspectorPort, samples: config.memorySamples });

  // 3. The N subscribers.
  const cpuOpen = cpuSnapshot(pid);
  started = performance.now();
  const subscribers = await subscribe(config.subscribers, config.connectConcurrency);
  const openMs = performance.now() - started;
  started = performance.now();
  const probesBefore = probes;
  await untilLive(subscribers);
  const setup = { openMs, liveMs: performance.now() - started, probes: probes - probesBefore, cpu: cpuBetween(cpuOpen, cpuSnapshot(pid)) };
  console.log(`${config.subscribers} subscribers open in ${seconds(setup.openMs)}, all live ${seconds(setup.liveMs)} later (${setup.probes} probe posts)`);
  await sleep(500);
  memory.live = await readMemory({ pid, port, inspectorPort, samples: config.memorySamples });
  const liveMetrics = await scrapeMetrics(port);
  const server = {
    active: metricSum(liveMetrics, 'refract_subscriptions_active'),
    connections: metricSum(liveMetrics, 'refract_subscription_connections'),
  };
  await sleep(500);

  // 4. The measured mutations, open loop at config.rate.
  const delayMetric = 'refract_subscription_delivery_delay_seconds';
  const workerDelayBefore = histogram(await scrapeMetrics(port), delayMetric);
  const deliveredSoFar = () => subscribers.reduce((n, r) => n + r.times.length, 0);
  const baseline = deliveredSoFar();
  console.log(`sending ${config.events} mutations at ${config.rate}/s (${seconds((config.events * 1000) / config.rate)})…`);
  const profiler = config.profile ? await startProfile(inspectorPort) : null;
  const cpuEvents = cpuSnapshot(pid);
  const sent = await sendAtRate(config.events, 'bench');
  const expected = baseline + config.subscribers * sent.filter((m) => m.ok).length;
  // Wait for every delivery, giving up only when none arrived for 10 s (a backlog may take long).
  let progress = { count: deliveredSoFar(), at: performance.now() };
  while (progress.count < expected && performance.now() - progress.at < 10_000) {
    await sleep(20);
    const now = deliveredSoFar();
    if (now !== progress.count) progress = { count: now, at: performance.now() };
  }
  const eventsCpu = cpuBetween(cpuEvents, cpuSnapshot(pid));
  const profileSummary = profiler ? await profiler.stop(config.profile) : null;
  const drainedMs = performance.now() - Math.max(...sent.map((m) => m.respondedAt).filter(Number.isFinite));
  await sleep(1000); // late duplicates would show up here
  console.log(`deliveries ${deliveredSoFar() - baseline} of ${expected - baseline} expected, the last ${seconds(drainedMs)} after the last response`);
  if (retried > 0) console.log(`${retried} mutations were sent again after ECONNRESET on a reused keep-alive socket`);

  // The event-loop lag gauges of prom-client restart at every scrape: these cover the phase.
  const afterEvents = await scrapeMetrics(port);
  server.workerDelay = histogramWindow(workerDelayBefore, histogram(afterEvents, delayMetric));
  server.loopLag = Object.fromEntries(['p50', 'p99', 'max'].map((k) => [k, metricSum(afterEvents, `nodejs_eventloop_lag_${k}_seconds`) * 1000]));
  memory.after = await readMemory({ pid, port, inspectorPort, samples: config.memorySamples });

  // 5. What the events table says was committed, for the payload/order check and the tx-start delay.
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  cleanups.push(() => db.end());
  const { rows } = await db.query(
    `SELECT e."id"::text AS "eventId", p."title", extract(epoch FROM e."createdAt") * 1000 AS "writtenAt"
       FROM management."Event" e JOIN "${SCHEMA}"."Post" p ON p."id" = e."nodeId" #>> '{}'
      WHERE e."model" = 'Post' AND e."mutation" = 'CREATED' AND p."title" LIKE 'bench-%'`,
  );
  const written = new Map(rows.map((r) => [r.title, { eventId: r.eventId, writtenAt: Number(r.writtenAt) }]));

  const { problems, subscriberProblems, figures } = analyze({ subscribers, sent, written, unobserved });
  config.loadAtEnd = loadAverage();
  printReport({ config, setup, figures, memory, server, problems, subscriberProblems, eventsCpu });
  if (profileSummary) console.log(`\n${profileSummary.join('\n')}\n(written to ${config.profile})`);
  if (problems.length > 0) process.exitCode = 1;
}

try {
  await main();
} catch (error) {
  console.error(error?.stack ?? error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
