// @ts-check
// The private Redis: a daemonized redis-server without persistence, files under <data>/redis
// (redis.conf, redis.pid, redis.log).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertPortFree, redisProblem, redisRequest, waitUntilAnswers } from './probes.mjs';
import { DevServicesError, PRIVATE_HOST, errorMessage, privateInfo, redisUrl } from './service.mjs';
import { findOnPath, isAlive, logTail, readIfExists, runQuiet, waitForExit } from './system.mjs';

/** @typedef {import('./service.mjs').Context} Context */
/** @typedef {import('./service.mjs').ServiceInfo} ServiceInfo */
/** @typedef {ReturnType<typeof redisPaths>} RedisPaths */

const STOP_TIMEOUT_MS = 30_000;

/** @param {string} dataDir  the dev-services data folder */
export function redisPaths(dataDir) {
  const home = join(dataDir, 'redis');
  return { home, conf: join(home, 'redis.conf'), pidFile: join(home, 'redis.pid'), log: join(home, 'redis.log') };
}

/**
 * The private Redis, if the process in its pid file answers and says it runs our config file.
 * @param {RedisPaths} paths
 * @returns {Promise<ServiceInfo | undefined>}
 */
export async function runningPrivateRedis(paths) {
  const identity = await privateRedisIdentity(paths);
  if (!identity) return undefined;
  return privateInfo('running', redisUrl({ host: PRIVATE_HOST, port: identity.port }), { dataDir: paths.home, logFile: paths.log, pid: identity.pid });
}

/**
 * @param {RedisPaths} paths @param {number} port @param {Context} context
 * @returns {Promise<ServiceInfo>}
 */
export async function startPrivateRedis(paths, port, context) {
  await assertPortFree(port, 'Redis', 'REFRACT_DEV_REDIS_PORT');
  const redisServer = findOnPath('redis-server');
  if (!redisServer) throw new DevServicesError('BINARIES_MISSING', 'redis-server is not installed');
  mkdirSync(paths.home, { recursive: true, mode: 0o700 });
  writeFileSync(paths.conf, redisConfig(paths, port));
  context.log(`starting private Redis on ${PRIVATE_HOST}:${port} (log: ${paths.log})`);
  try {
    await runQuiet(redisServer, [paths.conf], paths.home);
  } catch (error) {
    throw new DevServicesError('START_FAILED', `the private Redis did not start: ${errorMessage(error)}${logTail(paths.log)}`);
  }
  const url = redisUrl({ host: PRIVATE_HOST, port });
  const problem = await waitUntilAnswers(() => redisProblem(url), context.timeoutMs);
  if (problem) throw new DevServicesError('START_FAILED', `the private Redis does not answer on port ${port}: ${problem}${logTail(paths.log)}`);
  return privateInfo('started', url, { dataDir: paths.home, logFile: paths.log, pid: Number(readIfExists(paths.pidFile)) || undefined });
}

/**
 * Signals the pid only after Redis itself confirmed it is ours.
 * @param {RedisPaths} paths @param {(line: string) => void} log
 * @returns {Promise<'stopped' | 'not running'>}
 */
export async function stopPrivateRedis(paths, log) {
  const identity = await privateRedisIdentity(paths);
  if (!identity) {
    // Its process is gone or is not our Redis: only the pid file is ours to remove.
    rmSync(paths.pidFile, { force: true });
    return 'not running';
  }
  log(`stopping private Redis (pid ${identity.pid})`);
  process.kill(identity.pid, 'SIGTERM');
  if (!(await waitForExit(identity.pid, STOP_TIMEOUT_MS))) {
    throw new DevServicesError('STOP_FAILED', `the private Redis (pid ${identity.pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s${logTail(paths.log)}`);
  }
  return 'stopped';
}

/**
 * A pid file can be stale (a reboot, a reused pid), so Redis must confirm its own pid and
 * config file before we reuse or signal it.
 * @param {RedisPaths} paths
 * @returns {Promise<{ pid: number, port: number } | undefined>}
 */
async function privateRedisIdentity(paths) {
  const pid = Number(readIfExists(paths.pidFile));
  const port = Number(/^port (\d+)$/m.exec(readIfExists(paths.conf) ?? '')?.[1]);
  if (!(pid > 0 && port > 0 && isAlive(pid))) return undefined;
  const replies = await redisRequest({ host: PRIVATE_HOST, port, tls: false }, [['INFO', 'server']]).catch(() => []);
  const info = replies[0]?.text ?? '';
  const ours = info.includes(`\r\nprocess_id:${pid}\r\n`) && info.includes(`\r\nconfig_file:${paths.conf}\r\n`);
  return ours ? { pid, port } : undefined;
}

/**
 * A config file rather than command-line flags: Redis reports its `config_file`, which lets a
 * later run recognise the server as ours, and Redis before 7 broke flags with spaces.
 * @param {RedisPaths} paths @param {number} port
 */
function redisConfig(paths, port) {
  /** @param {string} value */
  const quote = (value) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  return [
    '# Written by infra/dev-services: a private Redis for development and tests, no persistence.',
    `port ${port}`,
    `bind ${PRIVATE_HOST}`,
    'daemonize yes',
    `dir ${quote(paths.home)}`,
    `pidfile ${quote(paths.pidFile)}`,
    `logfile ${quote(paths.log)}`,
    'save ""',
    'appendonly no',
    '',
  ].join('\n');
}
