// Builds the Refract data-plane worker and runs the BUILT worker (`apps/data-plane-worker/dist/main.js`)
// as a child process, the way `npm run worker` does. Adapted from the app's test/worker.process.ts:
// e2e suites may only import libraries, never an app's source, so they talk to the worker over HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

export const workspaceRoot = join(import.meta.dirname, '..', '..', '..');
export const workerMain = join(workspaceRoot, 'apps', 'data-plane-worker', 'dist', 'main.js');

/** Last `max` characters of `text`, for error messages. */
const tail = (text: string, max = 4_000) => (text.length > max ? `…${text.slice(-max)}` : text);

/**
 * `nx build @refract/data-plane-worker` (and the libraries it depends on; Nx caches what did not
 * change). Rejects with the end of the build output when the build fails.
 */
export function buildWorker(timeoutMs = 290_000): Promise<void> {
  // Under `npm test` (an Nx task), the build phase has built the worker already, and a nested Nx
  // run of the same build would be refused as recursive.
  if (process.env.NX_TASK_TARGET_PROJECT) {
    return existsSync(workerMain) ? Promise.resolve() : Promise.reject(new Error(`${workerMain} is missing: run \`npx nx build @refract/data-plane-worker\``));
  }
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['nx', 'build', '@refract/data-plane-worker', '--output-style=static'], {
      cwd: workspaceRoot,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`nx build @refract/data-plane-worker failed (code ${String(code)}, signal ${String(signal)}):\n${tail(output)}`));
    });
  });
}

/** A loopback port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface WorkerProcess {
  readonly child: ChildProcess;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Everything the worker printed so far (its JSON log lines). */
  readonly output: () => string;
}

/**
 * Starts `node dist/main.js` with exactly `env` (plus PATH and PORT; nothing else is inherited, so
 * no stray PRISMA_* or REFRACT_* variable changes its configuration) and resolves once `/status`
 * answers.
 */
export async function spawnWorker(env: Record<string, string>, port: number, startTimeoutMs = 30_000): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [workerMain], {
    cwd: workspaceRoot,
    env: { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin', LOG_LEVEL: 'info', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the worker exited (${String(child.exitCode ?? child.signalCode)}):\n${tail(output)}`);
    try {
      const response = await fetch(`${url}/status`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok && (await response.text()) === 'OK') break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the worker did not answer /status within ${startTimeoutMs} ms:\n${tail(output)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, url, port, output: () => output };
}

/** Sends `signal` and resolves with the exit code once the worker has exited (SIGKILL after `graceMs`). */
export async function stopWorker(worker: WorkerProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000): Promise<number | null> {
  const { child } = worker;
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  const [code] = await exited;
  clearTimeout(timer);
  return code;
}
