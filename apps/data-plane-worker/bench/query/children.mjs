// Child processes of the query benchmark: each target runs in its own process so that none of them
// shares an event loop with the load generator or with another target.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  await new Promise((resolve) => server.close(() => resolve(undefined)));
  return port;
}

/**
 * Starts `node <script>` with `env` added to ours. With `ipc`, the child gets a channel whose
 * disconnect tells it that the benchmark died (even by SIGKILL), so no server outlives it.
 * `BENCH_NODE_ARGS` (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) is passed to every target, to
 * profile them under the benchmark's load.
 */
export function startChild(script, env, { ipc = false } = {}) {
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', ...(ipc ? ['ipc'] : [])],
  });
  child.on('error', (error) => console.error(`could not start ${script}: ${error.message}`));
  return child;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. Only this child's PID. */
export async function stopChild(child, graceMs = 5000) {
  if (!child || child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Polls `probe` (any throw or falsy = not yet) until it succeeds, the child exits, or time runs out. */
export async function waitUntilReady(what, child, probe, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) throw new Error(`${what} exited during start-up (code ${child.exitCode ?? child.signalCode})`);
    try {
      if (await probe()) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
