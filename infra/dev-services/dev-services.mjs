#!/usr/bin/env node
// @ts-check
/**
 * dev-services: makes sure PostgreSQL and Redis are there for development and tests.
 *
 * Each service is taken from the first of these that works:
 *   1. `DATABASE_URL` / `REDIS_URL` when set. A set URL that does not answer is an error, never a
 *      reason to fall back: falling back would hide a wrong URL.
 *   2. The local defaults when they answer: PostgreSQL on 127.0.0.1:5432 (user `postgres`, trust
 *      auth), Redis on 127.0.0.1:6379.
 *   3. Private servers started from the installed binaries, data under `<repo>/.data`, on ports
 *      54329 / 63799 so they never collide with system services. A later run finds them through
 *      their pid files and reuses them; `stop` stops them and nothing else. Missing binaries are
 *      installed with apt-get when running as root on Debian; otherwise the command is printed.
 *
 * Usage:
 *   node infra/dev-services/dev-services.mjs [--json]       ensure both, print what was used
 *   node infra/dev-services/dev-services.mjs stop [--json]  stop the private servers
 * With --json the result goes to stdout as JSON and every human line to stderr.
 * Exit codes: 0 done, 1 failed (the reason is on stderr), 2 bad usage.
 *
 * Environment (all optional):
 *   DATABASE_URL, REDIS_URL      use these servers
 *   REFRACT_DEV_DATA_DIR         data folder of the private servers (default <repo>/.data)
 *   REFRACT_DEV_PG_PORT          port of the private PostgreSQL (default 54329)
 *   REFRACT_DEV_REDIS_PORT       port of the private Redis (default 63799)
 *   REFRACT_DEV_PG_PROBE         host:port of the local default PostgreSQL (default 127.0.0.1:5432)
 *   REFRACT_DEV_REDIS_PROBE      host:port of the local default Redis (default 127.0.0.1:6379)
 * Pointing a probe at a closed port makes the default look absent (tests do that).
 *
 * As a module: `ensureDevServices(options)` and `stopPrivateServices(dataDir)`; the CLI runs only
 * when this file is the entry point. Nothing is exported to the environment: callers pass the
 * returned URLs on themselves. Contract and errors: infra/README.md.
 */
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { postgresProblem, redisProblem } from './probes.mjs';
import { postgresInstalled, postgresPaths, runningPrivatePostgres, startPrivatePostgres, stopPrivatePostgres } from './private-postgres.mjs';
import { redisPaths, runningPrivateRedis, startPrivateRedis, stopPrivateRedis } from './private-redis.mjs';
import { DevServicesError, errorMessage, formatHostPort, postgresUrl, redactUrl, redisUrl } from './service.mjs';
import { findOnPath, isRoot, runVisible, withLock } from './system.mjs';

export { DevServicesError } from './service.mjs';

/**
 * @typedef {import('./service.mjs').ServiceInfo} ServiceInfo
 * @typedef {import('./service.mjs').HostPort} HostPort
 * @typedef {import('./service.mjs').Context} Context
 *
 * @typedef {object} DevServices
 * @property {string} databaseUrl
 * @property {string} redisUrl
 * @property {ServiceInfo} postgres
 * @property {ServiceInfo} redis
 *
 * @typedef {object} EnsureOptions
 * @property {NodeJS.ProcessEnv} [env]  read instead of `process.env`
 * @property {(line: string) => void} [log]  progress lines (default: stderr)
 * @property {number} [timeoutMs]  how long a starting server may take to answer (default 30 s)
 *
 * @typedef {object} StopResult
 * @property {'stopped' | 'not running'} postgres
 * @property {'stopped' | 'not running'} redis
 *
 * @typedef {object} Settings
 * @property {string | undefined} databaseUrl
 * @property {string | undefined} redisUrl
 * @property {string} dataDir
 * @property {number} pgPort
 * @property {number} redisPort
 * @property {HostPort} pgProbe
 * @property {HostPort} redisProbe
 */

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Makes sure PostgreSQL and Redis answer, starting private ones when needed.
 * @param {EnsureOptions} [options]
 * @returns {Promise<DevServices>}
 */
export async function ensureDevServices(options = {}) {
  const settings = readSettings(options.env ?? process.env);
  const context = { log: options.log ?? logToStderr, timeoutMs: options.timeoutMs ?? 30_000 };
  const [foundPostgres, foundRedis] = await allOrEveryError([findPostgres(settings, context), findRedis(settings, context)], 'UNREACHABLE');
  const need = { postgres: !foundPostgres, redis: !foundRedis };
  const started = need.postgres || need.redis ? await ensurePrivate(need, settings, context) : {};
  const postgres = foundPostgres ?? started.postgres;
  const redis = foundRedis ?? started.redis;
  if (!postgres || !redis) throw new Error('unreachable: a needed private server was neither found nor started');
  return { databaseUrl: postgres.url, redisUrl: redis.url, postgres, redis };
}

/**
 * Stops the private servers of `dataDir`, found by their pid files; never anything else.
 * @param {string} [dataDir]  default: REFRACT_DEV_DATA_DIR or <repo>/.data
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<StopResult>}
 */
export async function stopPrivateServices(dataDir = readSettings(process.env).dataDir, options = {}) {
  const log = options.log ?? logToStderr;
  const root = resolve(dataDir);
  if (!existsSync(root)) return { postgres: 'not running', redis: 'not running' };
  return withLock(lockFile(root), async () => {
    // Both are tried even when one fails: a test's cleanup must not leave the other running.
    const [postgres, redis] = await allOrEveryError(
      [stopPrivatePostgres(postgresPaths(root), log), stopPrivateRedis(redisPaths(root), log)],
      'STOP_FAILED',
    );
    return { postgres: postgres ?? 'not running', redis: redis ?? 'not running' };
  });
}

/**
 * Reads the settings, reporting every bad variable at once.
 * @param {NodeJS.ProcessEnv} env
 * @returns {Settings}
 */
export function readSettings(env) {
  /** @type {string[]} */
  const problems = [];
  const settings = {
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    dataDir: resolve(env.REFRACT_DEV_DATA_DIR || join(REPO_ROOT, '.data')),
    pgPort: parsePort(env, 'REFRACT_DEV_PG_PORT', 54329, problems),
    redisPort: parsePort(env, 'REFRACT_DEV_REDIS_PORT', 63799, problems),
    pgProbe: parseHostPort(env, 'REFRACT_DEV_PG_PROBE', { host: '127.0.0.1', port: 5432 }, problems),
    redisProbe: parseHostPort(env, 'REFRACT_DEV_REDIS_PROBE', { host: '127.0.0.1', port: 6379 }, problems),
  };
  if (problems.length > 0) throw new DevServicesError('BAD_SETTING', `bad settings:\n  ${problems.join('\n  ')}`);
  return settings;
}

/**
 * The human summary: one line per service.
 * @param {DevServices} services
 * @returns {string}
 */
export function formatSummary(services) {
  /** @param {string} name @param {ServiceInfo} info @param {string} envName */
  const line = (name, info, envName) => `${name.padEnd(11)} ${redactUrl(info.url)}  (${describeSource(info, envName)})`;
  return [line('PostgreSQL', services.postgres, 'DATABASE_URL'), line('Redis', services.redis, 'REDIS_URL')].join('\n');
}

// ---------------------------------------------------------------------------------------------

/**
 * @param {Settings} settings @param {Context} context
 * @returns {Promise<ServiceInfo | undefined>}
 */
async function findPostgres(settings, context) {
  if (settings.databaseUrl) {
    const problem = await postgresProblem(settings.databaseUrl);
    if (problem) throw new DevServicesError('UNREACHABLE', `DATABASE_URL (${redactUrl(settings.databaseUrl)}) does not answer: ${problem}`);
    return { source: 'env', url: settings.databaseUrl, private: false };
  }
  const url = postgresUrl(settings.pgProbe);
  const problem = await postgresProblem(url);
  if (!problem) return { source: 'running', url, private: false };
  context.log(`no usable PostgreSQL at ${formatHostPort(settings.pgProbe)} (${problem}): using a private one`);
  return undefined;
}

/**
 * @param {Settings} settings @param {Context} context
 * @returns {Promise<ServiceInfo | undefined>}
 */
async function findRedis(settings, context) {
  if (settings.redisUrl) {
    const problem = await redisProblem(settings.redisUrl);
    if (problem) throw new DevServicesError('UNREACHABLE', `REDIS_URL (${redactUrl(settings.redisUrl)}) does not answer: ${problem}`);
    return { source: 'env', url: settings.redisUrl, private: false };
  }
  const url = redisUrl(settings.redisProbe);
  const problem = await redisProblem(url);
  if (!problem) return { source: 'running', url, private: false };
  context.log(`no usable Redis at ${formatHostPort(settings.redisProbe)} (${problem}): using a private one`);
  return undefined;
}

/**
 * Reuses or starts the private servers that are needed, one run at a time per data folder.
 * @param {{ postgres: boolean, redis: boolean }} need @param {Settings} settings @param {Context} context
 * @returns {Promise<{ postgres?: ServiceInfo, redis?: ServiceInfo }>}
 */
async function ensurePrivate(need, settings, context) {
  // 0755: under root, the postgres OS user must be able to reach its folder inside.
  mkdirSync(settings.dataDir, { recursive: true, mode: 0o755 });
  const pgFiles = postgresPaths(settings.dataDir);
  const redisFiles = redisPaths(settings.dataDir);
  return withLock(lockFile(settings.dataDir), async () => {
    const postgres = need.postgres ? await runningPrivatePostgres(pgFiles, context) : undefined;
    const redis = need.redis ? await runningPrivateRedis(redisFiles) : undefined;
    await installMissing({ postgres: need.postgres && !postgres, redis: need.redis && !redis }, context);
    return {
      postgres: need.postgres ? (postgres ?? (await startPrivatePostgres(pgFiles, settings.pgPort, context))) : undefined,
      redis: need.redis ? (redis ?? (await startPrivateRedis(redisFiles, settings.redisPort, context))) : undefined,
    };
  });
}

/**
 * Installs the Debian packages of the servers that must be started and are missing.
 * @param {{ postgres: boolean, redis: boolean }} willStart @param {Context} context
 */
async function installMissing(willStart, context) {
  const missing = [
    ...(willStart.postgres && !postgresInstalled() ? [{ pkg: 'postgresql', env: 'DATABASE_URL' }] : []),
    ...(willStart.redis && !findOnPath('redis-server') ? [{ pkg: 'redis-server', env: 'REDIS_URL' }] : []),
  ];
  if (missing.length === 0) return;
  const packages = missing.map(({ pkg }) => pkg);
  const what = `${packages.join(' and ')} ${packages.length > 1 ? 'are' : 'is'} not installed`;
  const orEnv = `or set ${missing.map(({ env }) => env).join(' and ')}`;
  if (!existsSync('/usr/bin/apt-get')) {
    throw new DevServicesError('BINARIES_MISSING', `${what}: install PostgreSQL (initdb, pg_ctl) and Redis (redis-server), ${orEnv}`);
  }
  if (!isRoot()) {
    const command = `sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`;
    throw new DevServicesError('BINARIES_MISSING', `${what}. Install with:\n  ${command}\n${orEnv}`);
  }
  context.log(`${what}: running apt-get update && apt-get install -y ${packages.join(' ')}`);
  await runVisible('apt-get', ['update']);
  await runVisible('apt-get', ['install', '-y', ...packages], { DEBIAN_FRONTEND: 'noninteractive' });
}

/**
 * Like Promise.all, but waits for all and reports every failure, not only the first.
 * @template T
 * @param {Promise<T>[]} tasks @param {import('./service.mjs').DevServicesErrorCode} codeForSeveral
 * @returns {Promise<T[]>}
 */
async function allOrEveryError(tasks, codeForSeveral) {
  const results = await Promise.allSettled(tasks);
  const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new DevServicesError(codeForSeveral, failures.map(errorMessage).join('\n'));
  return results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
}

/** @param {string} dataDir */
function lockFile(dataDir) {
  return join(dataDir, '.dev-services.lock');
}

/**
 * @param {NodeJS.ProcessEnv} env @param {string} name @param {number} fallback @param {string[]} problems
 * @returns {number}
 */
function parsePort(env, name, fallback, problems) {
  const raw = env[name];
  if (!raw) return fallback;
  const port = Number(raw);
  if (Number.isInteger(port) && port > 0 && port < 65536) return port;
  problems.push(`${name}=${raw}: expected a port number (1-65535)`);
  return fallback;
}

/**
 * @param {NodeJS.ProcessEnv} env @param {string} name @param {HostPort} fallback @param {string[]} problems
 * @returns {HostPort}
 */
function parseHostPort(env, name, fallback, problems) {
  const raw = env[name];
  if (!raw) return fallback;
  const colon = raw.lastIndexOf(':');
  const host = raw.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
  const port = Number(raw.slice(colon + 1));
  if (colon > 0 && host && Number.isInteger(port) && port > 0 && port < 65536) return { host, port };
  problems.push(`${name}=${raw}: expected host:port`);
  return fallback;
}

/**
 * @param {ServiceInfo} info @param {string} envName
 */
function describeSource(info, envName) {
  if (info.source === 'env') return `from env ${envName}`;
  const label = info.source === 'started' ? 'started private' : info.private ? 'already running, private' : 'already running';
  return info.dataDir ? `${label}, data in ${info.dataDir}` : label;
}

/** @param {string} line */
function logToStderr(line) {
  process.stderr.write(`dev-services: ${line}\n`);
}

// ---------------------------------------------------------------------------------------------
// CLI

const USAGE = `usage: node infra/dev-services/dev-services.mjs [ensure|stop] [--json]
  ensure (default)  make sure PostgreSQL and Redis answer; print what was used
  stop              stop the private servers under REFRACT_DEV_DATA_DIR (default <repo>/.data)
  --json            print the result as JSON on stdout (human lines go to stderr)`;

/**
 * @param {string[]} args
 * @returns {Promise<number>} the exit code
 */
async function main(args) {
  const flags = args.filter((arg) => arg.startsWith('-'));
  const commands = args.filter((arg) => !arg.startsWith('-'));
  if (flags.includes('--help') || flags.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const command = commands[0] ?? 'ensure';
  if (commands.length > 1 || !['ensure', 'stop'].includes(command) || flags.some((flag) => flag !== '--json')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  try {
    const result = command === 'stop' ? await stopPrivateServices() : await ensureDevServices();
    process.stdout.write(`${flags.includes('--json') ? JSON.stringify(result, null, 2) : formatResult(result)}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`dev-services: ${errorMessage(error)}\n`);
    return 1;
  }
}

/**
 * @param {DevServices | StopResult} result
 */
function formatResult(result) {
  if (!('databaseUrl' in result)) return `PostgreSQL  ${result.postgres}\nRedis       ${result.redis}`;
  const anyPrivate = result.postgres.private || result.redis.private;
  return anyPrivate ? `${formatSummary(result)}\nstop the private servers with: npm run dev-services -- stop` : formatSummary(result);
}

function isEntryPoint() {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) process.exitCode = await main(process.argv.slice(2));
