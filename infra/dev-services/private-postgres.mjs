// @ts-check
// The private PostgreSQL: one cluster under <data>/postgres, created with initdb and run with
// pg_ctl from the installed binaries. Layout:
//   <data>/postgres/            owned by whoever runs the server (the postgres OS user under root)
//   <data>/postgres/data/       the cluster; its postmaster.pid says whether and where it runs
//   <data>/postgres/server.log  the server log
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { assertPortFree, postgresProblem, waitUntilAnswers } from './probes.mjs';
import { DevServicesError, PRIVATE_HOST, errorMessage, postgresUrl, privateInfo } from './service.mjs';
import { findOnPath, isAlive, isRoot, isSignalable, logTail, readIfExists, runQuiet, waitForExit } from './system.mjs';

/** @typedef {import('./service.mjs').Context} Context */
/** @typedef {import('./service.mjs').ServiceInfo} ServiceInfo */
/** @typedef {ReturnType<typeof postgresPaths>} PostgresPaths */
/** @typedef {{ bin: string, major: string }} PostgresInstall */

const DEBIAN_INSTALL_ROOT = '/usr/lib/postgresql';

/** @param {string} dataDir  the dev-services data folder */
export function postgresPaths(dataDir) {
  const home = join(dataDir, 'postgres');
  const data = join(home, 'data');
  return { home, data, pidFile: join(data, 'postmaster.pid'), versionFile: join(data, 'PG_VERSION'), log: join(home, 'server.log') };
}

/**
 * The private PostgreSQL, if its postmaster.pid names a live process that answers.
 * @param {PostgresPaths} paths @param {Context} context
 * @returns {Promise<ServiceInfo | undefined>}
 */
export async function runningPrivatePostgres(paths, context) {
  const postmaster = readPostmasterPid(paths.pidFile);
  if (!postmaster || !isAlive(postmaster.pid)) return undefined;
  const url = postgresUrl({ host: PRIVATE_HOST, port: postmaster.port });
  // It may still be starting (another run just launched it): give it the usual time.
  const problem = await waitUntilAnswers(() => postgresProblem(url), context.timeoutMs);
  if (problem) {
    throw new DevServicesError(
      'START_FAILED',
      `the private PostgreSQL (pid ${postmaster.pid}, ${paths.data}) runs but does not answer on port ${postmaster.port}: ${problem}${logTail(paths.log)}`,
    );
  }
  return privateInfo('running', url, { dataDir: paths.data, logFile: paths.log, pid: postmaster.pid });
}

/**
 * Creates the cluster on first use, then starts it and waits until it answers.
 * @param {PostgresPaths} paths @param {number} port @param {Context} context
 * @returns {Promise<ServiceInfo>}
 */
export async function startPrivatePostgres(paths, port, context) {
  await assertPortFree(port, 'PostgreSQL', 'REFRACT_DEV_PG_PORT');
  const install = findPostgresInstall(readIfExists(paths.versionFile)?.trim());
  await preparePostgresHome(paths.home);
  if (!existsSync(paths.versionFile)) await initCluster(install, paths, port, context);
  await waitForKilledPostmaster(paths, context.timeoutMs);
  context.log(`starting private PostgreSQL ${install.major} on ${PRIVATE_HOST}:${port} (log: ${paths.log})`);
  const seconds = String(Math.ceil(context.timeoutMs / 1000));
  try {
    await runAsPostgres(join(install.bin, 'pg_ctl'), ['start', '-D', paths.data, '-l', paths.log, '-o', `-p ${port}`, '-w', '-t', seconds], paths.home);
  } catch (error) {
    throw new DevServicesError('START_FAILED', `the private PostgreSQL did not start: ${errorMessage(error)}${logTail(paths.log)}`);
  }
  const url = postgresUrl({ host: PRIVATE_HOST, port });
  const problem = await waitUntilAnswers(() => postgresProblem(url), context.timeoutMs);
  if (problem) throw new DevServicesError('START_FAILED', `the private PostgreSQL does not answer on port ${port}: ${problem}${logTail(paths.log)}`);
  return privateInfo('started', url, { dataDir: paths.data, logFile: paths.log, pid: readPostmasterPid(paths.pidFile)?.pid });
}

/**
 * pg_ctl itself checks that the pid file belongs to this data folder, so nothing else is hit.
 * @param {PostgresPaths} paths @param {(line: string) => void} log
 * @returns {Promise<'stopped' | 'not running'>}
 */
export async function stopPrivatePostgres(paths, log) {
  const postmaster = readPostmasterPid(paths.pidFile);
  if (!postmaster || !isAlive(postmaster.pid)) return 'not running';
  const install = findPostgresInstall(readIfExists(paths.versionFile)?.trim());
  log(`stopping private PostgreSQL (pid ${postmaster.pid})`);
  try {
    await runAsPostgres(join(install.bin, 'pg_ctl'), ['stop', '-D', paths.data, '-m', 'fast', '-w', '-t', '60'], paths.home);
  } catch (error) {
    throw new DevServicesError('STOP_FAILED', `the private PostgreSQL did not stop: ${errorMessage(error)}${logTail(paths.log)}`);
  }
  return 'stopped';
}

/** Whether initdb and pg_ctl can be found at all (the apt package name is `postgresql`). */
export function postgresInstalled() {
  return postgresInstalls().length > 0;
}

/**
 * @param {string} pidFile
 * @returns {{ pid: number, port: number } | undefined}
 */
function readPostmasterPid(pidFile) {
  // Line 1 is the postmaster's pid, line 4 its port (PostgreSQL's pidfile.h).
  const lines = readIfExists(pidFile)?.split('\n') ?? [];
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return pid > 0 && port > 0 ? { pid, port } : undefined;
}

/**
 * PostgreSQL refuses to start while the pid in its postmaster.pid can be signalled, and a
 * killed postmaster can be, as a zombie, until its parent reaps it.
 * @param {PostgresPaths} paths @param {number} timeoutMs
 */
async function waitForKilledPostmaster(paths, timeoutMs) {
  const previous = readPostmasterPid(paths.pidFile);
  if (!previous || (await waitForExit(previous.pid, timeoutMs, isSignalable))) return;
  throw new DevServicesError(
    'START_FAILED',
    `${paths.pidFile} names pid ${previous.pid}, which is a killed server not yet reaped by its parent; try again shortly`,
  );
}

/**
 * Creates the cluster with trust auth and superuser `postgres`, as the local default has.
 * @param {PostgresInstall} install @param {PostgresPaths} paths @param {number} port @param {Context} context
 */
async function initCluster(install, paths, port, context) {
  // initdb removes what it created when it fails; a folder without PG_VERSION is only debris.
  rmSync(paths.data, { recursive: true, force: true });
  context.log(`creating a private PostgreSQL ${install.major} cluster in ${paths.data}`);
  // --no-sync: a fresh clone starts in about a second; a crash right now would only lose an empty cluster.
  const args = ['-D', paths.data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'];
  await runAsPostgres(join(install.bin, 'initdb'), args, paths.home);
  const settings = [
    '',
    '# Added by infra/dev-services: a private server for development and tests.',
    "listen_addresses = '127.0.0.1'",
    `port = ${port}`,
    // Relative to the data folder: never /var/run (not ours), never longer than a socket path may be.
    "unix_socket_directories = '.'",
    '',
  ];
  writeFileSync(join(paths.data, 'postgresql.conf'), settings.join('\n'), { flag: 'a' });
}

/**
 * The folder holding data, log and socket must belong to whoever runs the server: initdb and
 * pg_ctl refuse to run as root, so under root they run as the `postgres` OS user.
 * @param {string} home
 */
async function preparePostgresHome(home) {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  if (!isRoot()) return;
  const uid = Number(await runQuiet('id', ['-u', 'postgres']).catch(() => NaN));
  const gid = Number(await runQuiet('id', ['-g', 'postgres']).catch(() => NaN));
  if (!(uid > 0 && gid > 0)) {
    throw new DevServicesError('PERMISSION', 'running as root but there is no `postgres` OS user to run initdb and pg_ctl as');
  }
  chownSync(home, uid, gid);
  await runAsPostgres('test', ['-w', home, '-a', '-x', home], '/').catch(() => {
    throw new DevServicesError(
      'PERMISSION',
      `the postgres OS user cannot write ${home}: make every folder above it traversable (chmod o+x) or set REFRACT_DEV_DATA_DIR`,
    );
  });
}

/**
 * The newest installed PostgreSQL, or the one an existing cluster was created with.
 * @param {string} [wantedMajor]  from the cluster's PG_VERSION
 * @returns {PostgresInstall}
 */
function findPostgresInstall(wantedMajor) {
  const installs = postgresInstalls();
  const install = wantedMajor ? installs.find((candidate) => candidate.major === wantedMajor || candidate.major === 'on PATH') : installs[0];
  if (install) return install;
  const found = installs.map((candidate) => candidate.major).join(', ') || 'none';
  throw new DevServicesError(
    'BINARIES_MISSING',
    wantedMajor
      ? `the private cluster was created by PostgreSQL ${wantedMajor}, which is not installed (found: ${found}); install postgresql-${wantedMajor} or remove the data folder`
      : `no PostgreSQL server binaries (initdb, pg_ctl) under ${DEBIAN_INSTALL_ROOT}/<major>/bin or on PATH`,
  );
}

/** @returns {PostgresInstall[]} Debian's, newest first, then the one on PATH */
function postgresInstalls() {
  const majors = existsSync(DEBIAN_INSTALL_ROOT) ? readdirSync(DEBIAN_INSTALL_ROOT).filter((name) => /^\d+$/.test(name)) : [];
  const debian = majors
    .sort((a, b) => Number(b) - Number(a))
    .map((major) => ({ bin: join(DEBIAN_INSTALL_ROOT, major, 'bin'), major }))
    .filter(({ bin }) => existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl')));
  const initdb = findOnPath('initdb');
  // Outside Debian's layout the major is unknown; a mismatch is reported by the server's log.
  return initdb && existsSync(join(dirname(initdb), 'pg_ctl')) ? [...debian, { bin: dirname(initdb), major: 'on PATH' }] : debian;
}

/**
 * @param {string} program @param {string[]} args @param {string} cwd  a folder the postgres user can enter
 * @returns {Promise<string>}
 */
function runAsPostgres(program, args, cwd) {
  return isRoot() ? runQuiet('runuser', ['-u', 'postgres', '--', program, ...args], cwd) : runQuiet(program, args, cwd);
}
