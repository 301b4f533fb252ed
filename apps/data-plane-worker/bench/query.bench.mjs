#!/usr/bin/env node
// Benchmark (not a test): query throughput of Refract (four reads and one write, see
// query/workloads.mjs) against two references on the same data, the same machine and in the same run:
//   * raw SQL      — a minimal node-postgres server running the best single statement per workload
//                    (PostgreSQL builds the JSON): the ceiling for any GraphQL layer;
//   * PostGraphile — PostGraphile 4 over the same tables: the best-known "GraphQL compiled to one
//                    SQL statement" server, i.e. the bar to be ahead of; nested mutations (the write)
//                    come from postgraphile-plugin-nested-mutations, installed on first use into
//                    bench/peers (outside the workspace, see peers/README.md);
//   * Refract      — the built worker, with the project deployed through its management API.
// The machine is small and shared, so every round runs all targets back to back in rotating order
// and the report puts the ratios first.
//
//   npm run bench                                   (builds the worker first)
//   BENCH_ONLY=raw,postgraphile BENCH_SCALE=0.05 BENCH_ROUNDS=2 BENCH_DURATION=1 node apps/data-plane-worker/bench/query.bench.mjs
//
// Environment: DATABASE_URL (server to create the scratch database on; default 127.0.0.1:5432),
// BENCH_SCALE (1 = 10k users, 100k posts, 300k comments), BENCH_ROUNDS (5), BENCH_CONCURRENCY (16),
// BENCH_DURATION (3 s per run), BENCH_WARMUP (0.5 s), BENCH_ONLY (targets, default raw,postgraphile,refract),
// BENCH_WORKLOADS (default a,b,c,d,e).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, startChild, stopChild, waitUntilReady } from './query/children.mjs';
import { prepare, prepareFresh, runLoad } from './query/load.mjs';
import { deployBenchService, SCHEMA, SERVICE, STAGE, serviceToken, startWorker } from './query/refract.mjs';
import { printReport, TARGET_LABEL } from './query/report.mjs';
import { seed } from './query/seed.mjs';
import { verifyTargets } from './query/verify.mjs';
import { WORKLOADS } from './query/workloads.mjs';
import { createWrites } from './query/writes.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ALL_TARGETS = ['raw', 'postgraphile', 'refract'];
/** The worker's pool is fixed at 10 (src/store/database.ts); the references get the same. */
const POOL = 10;

function list(name, fallback, allowed) {
  const value = (process.env[name] ?? fallback).split(',').map((s) => s.trim()).filter(Boolean);
  const bad = value.filter((v) => !allowed.includes(v));
  if (bad.length > 0 || value.length === 0) throw new Error(`${name}: expected a comma-separated subset of ${allowed.join(',')}, got '${process.env[name]}'`);
  return allowed.filter((v) => value.includes(v));
}
function positive(name, fallback) {
  const value = Number(process.env[name] ?? fallback);
  if (!(value > 0)) throw new Error(`${name} must be a positive number, got '${process.env[name]}'`);
  return value;
}

const config = {
  scale: positive('BENCH_SCALE', 1),
  rounds: Math.round(positive('BENCH_ROUNDS', 5)),
  concurrency: Math.round(positive('BENCH_CONCURRENCY', 16)),
  duration: positive('BENCH_DURATION', 3),
  warmup: positive('BENCH_WARMUP', 0.5),
  pool: POOL,
  targets: list('BENCH_ONLY', ALL_TARGETS.join(','), ALL_TARGETS),
  workloads: list('BENCH_WORKLOADS', WORKLOADS.map((w) => w.key).join(','), WORKLOADS.map((w) => w.key)),
};
// In WORKLOADS order, which keeps the write (e) after the reads in every pass (see workloads.mjs).
const workloads = WORKLOADS.filter((w) => config.workloads.includes(w.key));

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
    console.error(`\n${signal}: stopping the servers and dropping the database…`);
    cleanup().finally(() => process.exit(130));
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * postgraphile-plugin-nested-mutations lives in bench/peers, a package of its own with its own lock
 * file (its peer postgraphile-core wants graphql 15, the workspace has 16: see peers/README.md).
 * Installed from that lock file when missing; returns the plugin's entry point for PostGraphile.
 */
function nestedMutationsPlugin() {
  const peers = join(here, 'peers');
  const entry = join(peers, 'node_modules/postgraphile-plugin-nested-mutations/index.js');
  if (!existsSync(entry)) {
    console.log('installing bench/peers (postgraphile-plugin-nested-mutations) from its package-lock.json…');
    // --legacy-peer-deps: the peer postgraphile-core is PostGraphile's own copy, not to be installed here.
    execFileSync('npm', ['ci', '--prefix', peers, '--no-audit', '--no-fund', '--legacy-peer-deps'], { stdio: 'inherit' });
  }
  return entry;
}

async function main() {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  cleanups.push(() => admin.end());
  const database = `refract_bench_${Date.now()}`;
  await admin.query(`CREATE DATABASE "${database}"`);
  cleanups.push(() => admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  console.log(`database ${database}; targets ${config.targets.map((t) => TARGET_LABEL[t]).join(', ')}; workloads ${config.workloads.join(',')}; scale ${config.scale}`);

  // 1. The worker creates the tables: its deploy defines the layout every target then reads.
  const managementSecret = randomBytes(16).toString('hex');
  const serviceSecret = randomBytes(16).toString('hex');
  const workerPort = await freePort();
  if (!existsSync(join(root, 'apps/data-plane-worker/dist/main.js'))) throw new Error('apps/data-plane-worker/dist/main.js is missing: build it (npm run bench does)');
  const worker = startWorker({ root, databaseUrl, port: workerPort, managementSecret, poolSize: POOL });
  cleanups.push(() => stopChild(worker.child));
  await worker.ready;
  let started = performance.now();
  await deployBenchService({ port: workerPort, managementSecret, serviceSecret });
  console.log(`deployed ${SERVICE}/${STAGE} in ${seconds(performance.now() - started)}`);

  // 2. Seed.
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  cleanups.push(() => db.end());
  const columns = await db.query(`SELECT table_name || '.' || column_name AS c FROM information_schema.columns WHERE table_schema = $1`, [SCHEMA]);
  const have = new Set(columns.rows.map((r) => r.c));
  const missing = ['User.id', 'User.email', 'User.name', 'Post.title', 'Post.published', 'Post.createdAt', 'Post.author', 'Comment.text', 'Comment.post'].filter((c) => !have.has(c));
  if (missing.length > 0) throw new Error(`the deployed layout lacks ${missing.join(', ')} (have ${[...have].join(', ')})`);
  const seeded = await seed(db, SCHEMA, config.scale);
  console.log(
    `seeded ${seeded.users} users, ${seeded.posts} posts, ${seeded.comments} comments: insert ${seconds(seeded.insertMs)}, indexes + VACUUM ANALYZE ${seconds(seeded.indexMs)}`,
  );
  const params = {};
  for (const w of workloads) params[w.key] = await w.pickParams(db, SCHEMA, seeded);

  // 3. The reference servers, each its own process with the same pool size.
  const childEnv = { DATABASE_URL: databaseUrl, POOL_SIZE: String(POOL), BENCH_SCHEMA: SCHEMA, NODE_ENV: 'production' };
  const writing = workloads.find((w) => w.fresh);
  const ports = { raw: await freePort(), postgraphile: await freePort() };
  const servers = {};
  if (config.targets.includes('raw')) {
    servers.raw = startChild(join(here, 'query/raw.server.mjs'), { ...childEnv, PORT: String(ports.raw) }, { ipc: true });
    cleanups.push(() => stopChild(servers.raw));
  }
  if (config.targets.includes('postgraphile')) {
    const plugin = writing ? { BENCH_NESTED_MUTATIONS_PLUGIN: nestedMutationsPlugin() } : {};
    servers.postgraphile = startChild(join(here, 'query/postgraphile.server.mjs'), { ...childEnv, ...plugin, PORT: String(ports.postgraphile) }, { ipc: true });
    cleanups.push(() => stopChild(servers.postgraphile));
  }
  started = performance.now();
  await Promise.all([
    servers.raw && waitUntilReady('the raw SQL server', servers.raw, async () => (await fetch(`http://127.0.0.1:${ports.raw}/`)).ok),
    servers.postgraphile &&
      waitUntilReady('PostGraphile', servers.postgraphile, async () => {
        const r = await fetch(`http://127.0.0.1:${ports.postgraphile}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
        return r.ok && !(await r.json()).errors;
      }),
  ]);
  console.log(`servers ready in ${seconds(performance.now() - started)}`);

  // A write gets parameters of its own per request and target (a new title…), in verification too.
  const writes = writing && createWrites(writing, config.targets);
  const fresh = (t, w, p) => (w === writing ? writes.params(t, p) : p);
  const targets = {
    raw: { url: `http://127.0.0.1:${ports.raw}/`, headers: {}, body: (w, p) => ({ workload: w.key, params: fresh('raw', w, p) }), extract: (w, b) => w.raw.extract(b) },
    postgraphile: {
      url: `http://127.0.0.1:${ports.postgraphile}/graphql`,
      headers: {},
      body: (w, p) => ({ query: w.postgraphile.query, variables: w.postgraphile.variables(fresh('postgraphile', w, p)) }),
      extract: (w, b) => w.postgraphile.extract(b),
    },
    refract: {
      url: `http://127.0.0.1:${workerPort}/${SERVICE}/${STAGE}`,
      // One token for the whole run, like a client that signed it at start-up.
      headers: { authorization: `Bearer ${serviceToken(serviceSecret)}` },
      body: (w, p) => ({ query: w.refract.query, variables: w.refract.variables(fresh('refract', w, p)) }),
      extract: (w, b) => w.refract.extract(b),
    },
  };

  // 5. Same answers everywhere, or no numbers.
  const verdict = await verifyTargets({ targets, order: config.targets, workloads, params });
  if (!verdict.ok) {
    process.exitCode = 1;
    console.error('Targets disagree: not measuring. Fix the query (or the server) above first.');
    return;
  }
  const measured = verdict.measured;
  /** The measured targets that serve workload `w` (Refract may not serve all of them yet). */
  const servedBy = (w) => measured.filter((t) => !verdict.unserved[w.key].has(t));
  // The rows written so far must be there, each once, with its author; then they are removed, so
  // every pass reads the verified data (query/writes.mjs). Run after verification and each pass.
  const checkWrites = async (when) => {
    if (!writes) return true;
    const checked = servedBy(writing);
    const { problems, written } = await writes.checkAndRemove(db, SCHEMA, checked);
    for (const problem of problems) console.error(`(${writing.key}) write check ${when}: ${problem}`);
    if (problems.length > 0) {
      process.exitCode = 1;
      console.error('Rows written do not match the requests answered: not measuring further.');
      return false;
    }
    console.log(`(${writing.key}) rows checked and removed ${when}: ${checked.map((t) => `${t} ${written[t]}`).join(', ')}`);
    return true;
  };
  if (!(await checkWrites('after verification'))) return;

  // 6. Interleaved measurement.
  const requests = {};
  for (const w of workloads) {
    requests[w.key] = {};
    for (const t of servedBy(w)) {
      const { url, headers } = targets[t];
      if (w === writing) {
        // One body per request, built when sent; the picked parameters rotate as for reads.
        let cursor = 0;
        const ps = params[w.key];
        requests[w.key][t] = prepareFresh({ url, headers, makeBody: () => Buffer.from(JSON.stringify(targets[t].body(w, ps[cursor++ % ps.length]))) });
        continue;
      }
      const bodies = params[w.key].map((p) => Buffer.from(JSON.stringify(targets[t].body(w, p))));
      requests[w.key][t] = prepare({ url, headers, bodies });
    }
  }
  /** runLoad, telling the write bookkeeping how many requests failed. */
  const run = async (w, t, options) => {
    const result = await runLoad(requests[w.key][t], options);
    if (w === writing) writes.failed(t, result.errors + result.warmupErrors);
    return result;
  };
  const runs = Object.fromEntries(workloads.map((w) => [w.key, Object.fromEntries(servedBy(w).map((t) => [t, []]))]));
  const load = { concurrency: config.concurrency, durationMs: config.duration * 1000, warmupMs: config.warmup * 1000 };
  const pairs = workloads.reduce((n, w) => n + servedBy(w).length, 0);
  const total = config.rounds * pairs * (config.duration + config.warmup);
  console.log(`measuring ${config.rounds} rounds x ${pairs} workload-target pairs (${workloads.length} workloads, ${measured.length} targets), about ${Math.ceil(total)} s after a warm-up round`);
  // One unrecorded pass first: JIT, plan caches and connection pools of all processes are cold at
  // start, and the first target of round 1 would otherwise pay for it.
  for (const w of workloads) for (const t of servedBy(w)) await run(w, t, { ...load, durationMs: 1000, warmupMs: 0 });
  if (!(await checkWrites('after the warm-up pass'))) return;
  for (let round = 0; round < config.rounds; round++) {
    const line = [];
    for (const [wi, w] of workloads.entries()) {
      // Rotate who goes first, so no target always runs right after the same neighbour.
      const served = servedBy(w);
      if (served.length === 0) continue;
      const shift = (round + wi) % served.length;
      const order = [...served.slice(shift), ...served.slice(0, shift)];
      const parts = [];
      for (const t of order) {
        const result = await run(w, t, load);
        runs[w.key][t].push(result);
        if (result.firstError) console.error(`(${w.key}) ${t}: ${result.errors} errors, first: ${result.firstError}`);
        parts.push(`${t} ${result.rps.toFixed(0)}`);
      }
      line.push(`${w.key}: ${parts.join(' ')}`);
    }
    console.log(`round ${round + 1}/${config.rounds} (req/s)  ${line.join('  |  ')}`);
    if (!(await checkWrites(`after round ${round + 1}`))) return;
  }
  printReport({ workloads, targets: measured, runs, config });
}

try {
  await main();
} catch (error) {
  console.error(error?.stack ?? error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
