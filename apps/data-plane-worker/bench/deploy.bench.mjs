#!/usr/bin/env node
// Benchmark (not a test): how long a deploy of a 50-model datamodel takes, from the deploy request
// to the finished migration, against the built worker and the local PostgreSQL. The machine is
// shared and noisy, so it also deploys a 1-model datamodel in the same run, interleaved, and
// prints the ratio to that baseline next to the absolute times.
//
//   npm run bench:deploy        (builds the worker first; DATABASE_URL or 127.0.0.1:5432)
import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const secret = randomBytes(16).toString('hex');

/** 50 models, each with scalars of every kind, an enum, a scalar list and relations to its neighbours. */
function datamodel(models) {
  const types = [];
  for (let i = 0; i < models; i++) {
    const relations = models > 1 ? `  next: Model${(i + 1) % models} @relation(name: "Chain${i}")\n  previous: [Model${(i + models - 1) % models}!]! @relation(name: "Chain${(i + models - 1) % models}")\n` : '';
    types.push(`type Model${i} {
  id: ID! @id
  title: String! @unique
  body: String
  count: Int @default(value: 0)
  ratio: Float
  done: Boolean! @default(value: false)
  at: DateTime @createdAt
  meta: Json
  kind: Kind
  tags: [String] @scalarList(strategy: RELATION)
${relations}}`);
  }
  types.push('enum Kind { A B C }');
  return types.join('\n');
}

function token() {
  const b64 = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ grants: [{ target: '*/*', action: '*' }], iat: now, exp: now + 3600 })}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  await new Promise((resolve) => server.close(() => resolve(undefined)));
  return port;
}

async function main() {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const database = `refract_bench_${Date.now()}`;
  await admin.query(`CREATE DATABASE "${database}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const port = await freePort();
  const worker = spawn(process.execPath, [join(root, 'apps/data-plane-worker/dist/main.js')], {
    env: { ...process.env, DATABASE_URL: url.toString(), PORT: String(port), MANAGEMENT_API_SECRET: secret, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const endpoint = `http://127.0.0.1:${port}/management`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) break;
      } catch {
        if (i > 300) throw new Error('the worker did not start');
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const call = async (query, variables = {}) => {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token()}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = await response.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    /** Deploys `types` to a new project and returns the milliseconds until its migration is SUCCESS. */
    const deploy = async (name, types) => {
      await call('mutation ($n: String!) { addProject(input: {name: $n, stage: "bench"}) { project { name } } }', { n: name });
      const started = performance.now();
      const result = await call('mutation ($n: String!, $t: String!) { deploy(input: {name: $n, stage: "bench", types: $t}) { migration { revision } errors { description } } }', { n: name, t: types });
      if (result.deploy.errors.length > 0) throw new Error(JSON.stringify(result.deploy.errors));
      for (;;) {
        const { migrationStatus } = await call('query ($n: String!) { migrationStatus(name: $n, stage: "bench") { status errors } }', { n: name });
        if (migrationStatus.status === 'SUCCESS') return performance.now() - started;
        if (migrationStatus.errors.length > 0) throw new Error(migrationStatus.errors.join('\n'));
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    const big = datamodel(50);
    const small = datamodel(1);
    await deploy('warmup', small);
    const times = { big: /** @type {number[]} */ ([]), small: /** @type {number[]} */ ([]) };
    for (let round = 0; round < ROUNDS; round++) {
      times.small.push(await deploy(`small${round}`, small));
      times.big.push(await deploy(`big${round}`, big));
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const fmt = (ms) => `${ms.toFixed(0)} ms`;
    console.log(`deploy of a 50-model datamodel (${big.length} characters), request -> migration SUCCESS, ${ROUNDS} rounds`);
    console.log(`  50 models : median ${fmt(median(times.big))}  min ${fmt(Math.min(...times.big))}  max ${fmt(Math.max(...times.big))}`);
    console.log(`  1 model   : median ${fmt(median(times.small))}  (baseline, same run)`);
    console.log(`  ratio 50-model / 1-model: ${(median(times.big) / median(times.small)).toFixed(1)}x`);
  } finally {
    worker.kill('SIGTERM');
    await new Promise((resolve) => worker.once('exit', resolve));
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }
}

await main();
