#!/usr/bin/env node
// @ts-check
/**
 * `npm start`: brings the platform up locally on a fresh clone (ARCHITECTURE.md §4).
 *
 * It runs STEPS in order; each step adds what it brought up to the context, and the summary
 * prints it. Later issues add their steps to STEPS (migrate, the control plane and its worker,
 * the data-plane worker, the console) rather than growing one function.
 *
 * Until `npm install` has run, only node built-ins exist: that is why only built-ins and the
 * dependency-free dev-services/service.mjs are imported here, and dev-services itself (which
 * needs `pg`) is imported inside its step.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorMessage, redactUrl } from './dev-services/service.mjs';

/**
 * @typedef {object} StartContext
 * @property {string} repoRoot
 * @property {Array<{ name: string, url: string }>} endpoints  what is up, for the summary
 * @property {string[]} notes  extra lines for the summary
 * @property {string} [databaseUrl]
 * @property {import('node:child_process').ChildProcess[]} children  long-running processes npm start supervises
 *
 * @typedef {object} Step
 * @property {string} name
 * @property {(context: StartContext) => Promise<void>} run
 */

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @type {Step[]} */
const STEPS = [
  { name: 'dependencies', run: installDependencies },
  { name: 'PostgreSQL and Redis', run: ensureServices },
  { name: 'data-plane worker', run: startDataPlaneWorker },
];

const NOT_YET = 'The control plane (API and worker) and the console arrive in later issues.';

/**
 * @param {StartContext} context
 */
async function installDependencies(context) {
  // npm writes this file last: its absence also catches an install that was interrupted.
  if (existsSync(join(context.repoRoot, 'node_modules', '.package-lock.json'))) {
    log('  node_modules is in place');
    return;
  }
  log('  node_modules is missing: running npm install');
  await runInherited(npmCommand(), ['install'], context.repoRoot);
}

/**
 * @param {StartContext} context
 */
async function ensureServices(context) {
  const { ensureDevServices, formatSummary } = await import('./dev-services/dev-services.mjs');
  const services = await ensureDevServices({ log: (line) => log(`  ${line}`) });
  log(formatSummary(services).replace(/^/gm, '  '));
  context.endpoints.push({ name: 'PostgreSQL', url: services.databaseUrl }, { name: 'Redis', url: services.redisUrl });
  context.databaseUrl = services.databaseUrl;
  if (services.postgres.private || services.redis.private) context.notes.push('Stop the private servers with: npm run dev-services -- stop');
}

/**
 * The management secret of the local worker: made once, kept in the git-ignored `.refract/` so
 * that `PRISMA_MANAGEMENT_API_SECRET` stays the same across restarts.
 * @param {string} repoRoot
 */
function localManagementSecret(repoRoot) {
  const file = join(repoRoot, '.refract', 'management-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(24).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * Builds the worker (and the libraries it needs) and runs it against the local PostgreSQL, on
 * PORT (default 4466). npm start then stays in the foreground supervising it.
 * @param {StartContext} context
 */
async function startDataPlaneWorker(context) {
  if (!context.databaseUrl) throw new Error('PostgreSQL is not up');
  const databaseUrl = await ensureClusterDatabase(context.databaseUrl, 'refract');
  const secret = localManagementSecret(context.repoRoot);
  await runInherited(npmCommand(), ['exec', '--', 'nx', 'build', '@refract/data-plane-worker', '--output-style=static'], context.repoRoot, {
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
  });
  const port = process.env.PORT ?? '4466';
  const child = spawn(process.execPath, [join(context.repoRoot, 'apps/data-plane-worker/dist/main.js')], {
    cwd: context.repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: port, MANAGEMENT_API_SECRET: secret },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForStatus(`http://127.0.0.1:${port}/status`, child);
  context.children.push(child);
  context.endpoints.push({ name: 'Data-plane worker', url: `http://127.0.0.1:${port}` });
  context.notes.push(
    `Management API secret (stored in .refract/management-secret): ${secret}`,
    `Deploy with: PRISMA_MANAGEMENT_API_SECRET=${secret} prisma1 deploy   (endpoint: http://127.0.0.1:${port}/<service>/<stage>)`,
  );
}

/**
 * The local cluster keeps its projects in a database of its own (as Prisma 1 used `prisma`), never
 * in the server's default database. Creates it when missing; returns its URL.
 * @param {string} serverUrl @param {string} name
 */
async function ensureClusterDatabase(serverUrl, name) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * @param {string} url
 * @param {import('node:child_process').ChildProcess} child
 */
async function waitForStatus(url, child) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the worker exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the worker did not answer ${url} within 30 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Under `npm start`, npm tells us which npm runs us: use that one, not whatever is first on PATH.
 * @returns {[string, ...string[]]}
 */
function npmCommand() {
  const npmCli = process.env.npm_execpath;
  return npmCli && npmCli.endsWith('.js') ? [process.execPath, npmCli] : ['npm'];
}

/**
 * @param {[string, ...string[]]} command @param {string[]} args @param {string} cwd @param {Record<string, string>} [extraEnv]
 * @returns {Promise<void>}
 */
function runInherited([program, ...leading], args, cwd, extraEnv = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(program, [...leading, ...args], { cwd, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolvePromise() : reject(new Error(`\`${[program, ...leading, ...args].join(' ')}\` ended with ${signal ?? `exit code ${code}`}`)),
    );
  });
}

/**
 * @param {StartContext} context
 */
function printSummary(context) {
  const width = Math.max(...context.endpoints.map(({ name }) => name.length));
  log('\nRefract, running locally:');
  for (const { name, url } of context.endpoints) log(`  ${name.padEnd(width)}  ${redactUrl(url)}`);
  for (const note of [...context.notes, NOT_YET]) log(note);
}

/** @param {string} line */
function log(line) {
  process.stdout.write(`${line}\n`);
}

async function main() {
  /** @type {StartContext} */
  const context = { repoRoot: REPO_ROOT, endpoints: [], notes: [], children: [] };
  const stopChildren = () => context.children.forEach((child) => child.exitCode === null && child.kill('SIGTERM'));
  for (const step of STEPS) {
    log(`▸ ${step.name}`);
    try {
      await step.run(context);
    } catch (error) {
      process.stderr.write(`npm start: the step "${step.name}" failed: ${errorMessage(error)}\n`);
      stopChildren();
      return 1;
    }
  }
  printSummary(context);
  if (context.children.length === 0) return 0;
  log('Press Ctrl+C to stop.');
  // Stay in the foreground while the processes run; a signal stops them cleanly (SIGTERM each).
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.once(signal, stopChildren);
  const codes = await Promise.all(context.children.map((child) => new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 0)))));
  return codes.every((code) => code === 0) ? 0 : 1;
}

process.exitCode = await main();
