#!/usr/bin/env node
// @ts-check
// `npm test`: lint, then type checking, then the builds, then every project's tests (ARCHITECTURE.md §4), each
// through Nx so new projects join by declaring the target. Every phase runs even when an earlier
// one failed, so one run shows everything that is wrong; the last line sums it up as
// `N passed, M failed` (tests that passed/failed, plus one failure per failed lint or typecheck task).
// Tests run against real PostgreSQL and Redis: the dev-services script provides them first, and
// their URLs reach every test process as DATABASE_URL / REDIS_URL.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDevServices } from '../dev-services/dev-services.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsDir = join(root, 'tmp', 'test-results');
const services = await ensureDevServices().catch((/** @type {unknown} */ error) => {
  // Without PostgreSQL and Redis no integration test can run: say why, and count it as a failure.
  console.error(`npm test: the dev services are not available: ${error instanceof Error ? error.message : String(error)}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
const env = {
  ...process.env,
  DATABASE_URL: services.databaseUrl,
  REDIS_URL: services.redisUrl,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
};

/** @param {string} target */
function runMany(target) {
  console.log(`\n=== ${target} ===`);
  const args = ['nx', 'run-many', '-t', target, '--output-style=stream', '--nxBail=false', '--skipNxCache'];
  const result = spawnSync('npx', args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  process.stdout.write(result.stdout ?? '');
  const failedTasks = [...(result.stdout ?? '').matchAll(/Failed tasks:\s*\n((?:\s*- .*\n?)+)/g)]
    .flatMap((m) => (m[1] ?? '').split('\n').filter((line) => line.trim().startsWith('- ')));
  return { ok: result.status === 0, failedTasks: result.status === 0 ? 0 : Math.max(1, failedTasks.length) };
}

function sumTestReports() {
  let passed = 0;
  let failed = 0;
  if (!existsSync(resultsDir)) return { passed, failed };
  for (const file of readdirSync(resultsDir).filter((f) => f.endsWith('.json'))) {
    const report = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
    passed += report.numPassedTests ?? 0;
    const failedTests = report.numFailedTests ?? 0;
    // A suite that fails to load has no failed test of its own: count the suite.
    failed += failedTests > 0 ? failedTests : (report.numFailedTestSuites ?? 0);
  }
  return { passed, failed };
}

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const lint = runMany('lint');
const typecheck = runMany('typecheck');
// Suites that run the built worker as a process need it built; building inside a test task would
// be a nested Nx run of the same targets.
const build = runMany('build');
const test = runMany('test');
const tests = sumTestReports();
// A test project that crashed before writing its report still counts as a failure.
const testFailures = tests.failed > 0 || test.ok ? tests.failed : Math.max(1, test.failedTasks);
const failed = testFailures + lint.failedTasks + typecheck.failedTasks + build.failedTasks;
console.log(
  `\nlint: ${lint.ok ? 'ok' : 'FAILED'}, typecheck: ${typecheck.ok ? 'ok' : 'FAILED'}, build: ${build.ok ? 'ok' : 'FAILED'}, tests: ${tests.passed} passed, ${tests.failed} failed`,
);
console.log(`${tests.passed} passed, ${failed} failed`);
process.exit(failed === 0 && lint.ok && typecheck.ok && build.ok && test.ok ? 0 : 1);
