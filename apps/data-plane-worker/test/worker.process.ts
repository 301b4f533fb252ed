// Runs the BUILT worker as a real child process (npm run worker builds it the same way), for tests
// that must kill it or send it signals.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const workspaceRoot = join(import.meta.dirname, '..', '..', '..');

/** Builds the worker, unless this runs as an Nx task: then `npm test`'s build phase has built it. */
export function buildWorker(): void {
  const main = join(workspaceRoot, 'apps/data-plane-worker/dist/main.js');
  if (process.env.NX_TASK_TARGET_PROJECT) {
    if (!existsSync(main)) throw new Error(`${main} is missing: run \`npx nx build @refract/data-plane-worker\``);
    return;
  }
  execFileSync('npx', ['nx', 'build', '@refract/data-plane-worker', '--output-style=static'], {
    cwd: workspaceRoot,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    stdio: 'ignore',
    timeout: 300_000,
  });
}

export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: () => string;
}

/** Starts `node dist/main.js` and resolves once it listens. */
export async function spawnWorker(env: Record<string, string>, port: number): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [join(workspaceRoot, 'apps/data-plane-worker/dist/main.js')], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 30_000;
  while (!output.includes('data-plane worker listening')) {
    if (child.exitCode !== null) throw new Error(`the worker exited: ${output}`);
    if (Date.now() > deadline) throw new Error(`the worker did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, url: `http://127.0.0.1:${port}`, output: () => output };
}

export async function stopWorker(worker: WorkerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return worker.child.exitCode;
  const exited = once(worker.child, 'exit');
  worker.child.kill(signal);
  const [code] = (await exited) as [number | null];
  return code;
}
