// @ts-check
// Processes, files and the lock the dev-services modules share.
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { DevServicesError, errorCode } from './service.mjs';

// A holder may be running apt-get or initdb; a dead holder is detected by its pid, not by time.
const LOCK_WAIT_MS = 300_000;

export function isRoot() {
  return process.getuid?.() === 0;
}

/**
 * Whether signals reach it: also true for a zombie, which is what PostgreSQL's own lock check sees.
 * @param {number} pid
 */
export function isSignalable(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return errorCode(error) === 'EPERM';
  }
}

/**
 * @param {number} pid
 */
export function isAlive(pid) {
  if (!isSignalable(pid)) return false;
  // A killed daemon stays signalable as a zombie until its parent (often init) reaps it.
  const stat = readIfExists(`/proc/${pid}/stat`) ?? '';
  const state = stat.charAt(stat.lastIndexOf(') ') + 2);
  return state !== 'Z';
}

/**
 * @param {number} pid @param {number} timeoutMs @param {(pid: number) => boolean} [present]
 * @returns {Promise<boolean>} whether it was gone in time
 */
export async function waitForExit(pid, timeoutMs, present = isAlive) {
  const deadline = Date.now() + timeoutMs;
  while (present(pid)) {
    if (Date.now() >= deadline) return false;
    await delay(100);
  }
  return true;
}

/**
 * Runs a program to completion, collecting its output; rejects with that output on failure.
 * @param {string} program @param {string[]} args @param {string} [cwd]
 * @returns {Promise<string>} its stdout
 */
export function runQuiet(program, args, cwd) {
  return new Promise((resolvePromise, reject) => {
    execFile(program, args, { cwd, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolvePromise(stdout.trim());
      const output = `${stderr}${stdout}`.trim() || error.message;
      reject(new Error(`\`${[program, ...args].join(' ')}\` failed: ${output}`));
    });
  });
}

/**
 * Runs a program whose progress the user should see, on stderr so that --json stays clean.
 * @param {string} program @param {string[]} args @param {NodeJS.ProcessEnv} [extraEnv]
 * @returns {Promise<void>}
 */
export function runVisible(program, args, extraEnv = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 2, 2], env: { ...process.env, ...extraEnv } });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`\`${program} ${args.join(' ')}\` exited with ${code}`))));
  });
}

/**
 * Serialises runs on one data folder: parallel test projects may all ensure at once.
 * @template T
 * @param {string} lockFile @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
export async function withLock(lockFile, work) {
  const deadline = Date.now() + LOCK_WAIT_MS;
  while (!tryLock(lockFile)) {
    if (Date.now() >= deadline) {
      throw new DevServicesError('LOCKED', `${lockFile} is held by pid ${readIfExists(lockFile) || '?'}; remove it if no dev-services run is going on`);
    }
    await delay(200);
  }
  try {
    return await work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

/**
 * @param {string} lockFile
 * @returns {boolean} whether the lock is now ours
 */
function tryLock(lockFile) {
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
  }
  const holder = Number(readIfExists(lockFile));
  // An empty file is a holder between creating and writing it: wait rather than steal.
  if (holder > 0 && !isAlive(holder)) rmSync(lockFile, { force: true });
  return false;
}

/**
 * @param {string} file
 * @returns {string | undefined}
 */
export function readIfExists(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The end of a server log, to append to an error message.
 * @param {string} file
 */
export function logTail(file, lines = 20) {
  const text = readIfExists(file)?.trimEnd();
  return text ? `\n--- last lines of ${file} ---\n${text.split('\n').slice(-lines).join('\n')}` : `\n(no log at ${file})`;
}

/**
 * @param {string} name
 * @returns {string | undefined}
 */
export function findOnPath(name) {
  // sbin folders are often missing from a user's PATH but hold server binaries on some systems.
  const folders = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/sbin', '/usr/sbin', '/sbin'];
  return folders
    .filter(Boolean)
    .map((folder) => join(folder, name))
    .find((file) => existsSync(file));
}
