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
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorMessage, redactUrl } from './dev-services/service.mjs';

/**
 * @typedef {object} StartContext
 * @property {string} repoRoot
 * @property {Array<{ name: string, url: string }>} endpoints  what is up, for the summary
 * @property {string[]} notes  extra lines for the summary
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
];

const NOT_YET =
  'The data-plane worker, the control plane (API and worker) and the console arrive in later issues; ' +
  'for now `npm start` brings up what they will use.';

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
  if (services.postgres.private || services.redis.private) context.notes.push('Stop the private servers with: npm run dev-services -- stop');
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
 * @param {[string, ...string[]]} command @param {string[]} args @param {string} cwd
 * @returns {Promise<void>}
 */
function runInherited([program, ...leading], args, cwd) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(program, [...leading, ...args], { cwd, stdio: 'inherit' });
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
  const context = { repoRoot: REPO_ROOT, endpoints: [], notes: [] };
  for (const step of STEPS) {
    log(`▸ ${step.name}`);
    try {
      await step.run(context);
    } catch (error) {
      process.stderr.write(`npm start: the step "${step.name}" failed: ${errorMessage(error)}\n`);
      return 1;
    }
  }
  printSummary(context);
  return 0;
}

process.exitCode = await main();
