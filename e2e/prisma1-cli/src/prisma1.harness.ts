// Runs the published `prisma1` CLI 1.34.12 offline, non-interactively, in a throw-away HOME, against
// whatever server a test points prisma.yml's `endpoint` at. See README.md for why each setting exists.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** Directory of the installed `prisma1` package. */
export const prisma1PackageDir = dirname(require.resolve('prisma1/package.json'));
/** The CLI entry point (the package's `prisma1` bin). */
export const prisma1Bin = join(prisma1PackageDir, 'dist', 'index.js');
/** The preload that keeps every Node process of a run on loopback (see offline-guard.mjs). */
export const offlineGuardPath = join(import.meta.dirname, 'offline-guard.mjs');

/**
 * `prisma-cli-engine` requires `graphql-config` without declaring it; only `prisma-cli-core` declares
 * it. In this workspace the root `graphql` is 16, so npm nests graphql-config (a graphql ≤ 14 peer)
 * under prisma-cli-core while prisma-cli-engine is hoisted: without NODE_PATH the CLI dies with
 * "Cannot find module 'graphql-config'". NODE_PATH restores what a flat install would resolve.
 */
function cliNodePath(): string {
  const requireFromCli = createRequire(prisma1Bin);
  const dirs = ['prisma-cli-core', 'prisma-cli-engine']
    .map((name) => join(dirname(requireFromCli.resolve(`${name}/package.json`)), 'node_modules'))
    .filter((dir) => existsSync(dir));
  return dirs.join(delimiter);
}

export interface CliProjectOptions {
  /** prisma.yml `endpoint`, e.g. `http://127.0.0.1:4466/app/dev`. */
  endpoint: string;
  /** Contents of `datamodel.prisma`. */
  datamodel: string;
  /** prisma.yml `secret` (service secret(s), comma separated); omitted when undefined. */
  secret?: string;
  /** Raw YAML appended to prisma.yml (e.g. `hooks:`, `seed:`, `generate:` sections). */
  extraYaml?: string;
}

export interface CliProject {
  /** The project directory: run the CLI with this as `cwd`. */
  dir: string;
  prismaYmlPath: string;
  datamodelPath: string;
  /** Replaces datamodel.prisma (e.g. before a second deploy). */
  writeDatamodel(datamodel: string): void;
  /** Removes the directory. */
  cleanup(): void;
}

/** A temporary project folder with `prisma.yml` and `datamodel.prisma`. */
export function createCliProject(options: CliProjectOptions): CliProject {
  const dir = mkdtempSync(join(tmpdir(), 'prisma1-project-'));
  const prismaYmlPath = join(dir, 'prisma.yml');
  const datamodelPath = join(dir, 'datamodel.prisma');
  // JSON strings are valid YAML double-quoted scalars: no escaping surprises for URLs or secrets.
  const lines = [`endpoint: ${JSON.stringify(options.endpoint)}`, 'datamodel: datamodel.prisma'];
  if (options.secret !== undefined) lines.push(`secret: ${JSON.stringify(options.secret)}`);
  if (options.extraYaml) lines.push(options.extraYaml.trimEnd());
  writeFileSync(prismaYmlPath, `${lines.join('\n')}\n`);
  writeFileSync(datamodelPath, options.datamodel);
  return {
    dir,
    prismaYmlPath,
    datamodelPath,
    writeDatamodel: (datamodel) => writeFileSync(datamodelPath, datamodel),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface RunPrisma1Options {
  /** Working directory (the project folder holding prisma.yml). */
  cwd: string;
  /** Extra environment, applied last (e.g. `PRISMA_MANAGEMENT_API_SECRET`, `DEBUG: '*'`). */
  env?: Record<string, string>;
  /** Kill the CLI (and everything it started) after this long; default 60 s. */
  timeoutMs?: number;
  /**
   * HOME to use. Default: a fresh temporary directory, removed afterwards. Pass a directory to keep
   * the CLI's global state (`~/.prisma/config.yml`) across runs; the caller then removes it.
   */
  home?: string;
}

/** An outbound connection attempt the offline guard refused (see offline-guard.mjs). */
export interface BlockedAttempt {
  kind: 'connect' | 'sentry' | 'telemetry';
  host?: string;
  port?: number;
}

export interface Prisma1Result {
  /** Exit code; null if the process was killed by a signal (e.g. on timeout). */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  durationMs: number;
  /** What the CLI tried beyond loopback (Sentry reports, usage statistics, Prisma Cloud calls). */
  blocked: BlockedAttempt[];
}

/** The environment of a CLI run: nothing is inherited but PATH (and TMPDIR), so no proxy, PRISMA_* or DEBUG leaks in. */
export function prisma1Env(home: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    LANG: 'C.UTF-8',
    // update-notifier (and other CI-aware code) stays quiet; prompts are not expected in CI.
    CI: 'true',
    NO_UPDATE_NOTIFIER: '1',
    FORCE_COLOR: '0',
    NODE_PATH: cliNodePath(),
    NODE_OPTIONS: `--import ${pathToFileURL(offlineGuardPath).href}`,
    PRISMA1_OFFLINE_GUARD_LOG: join(home, 'offline-guard.log'),
  };
  if (process.env.TMPDIR) env.TMPDIR = process.env.TMPDIR;
  return { ...env, ...extra };
}

/** Runs `prisma1 <args>`; resolves when the process exits (or was killed on timeout). */
export function runPrisma1(args: readonly string[], options: RunPrisma1Options): Promise<Prisma1Result> {
  const ownHome = options.home === undefined;
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'prisma1-home-'));
  const env = prisma1Env(home, options.env);
  const guardLog = env.PRISMA1_OFFLINE_GUARD_LOG ?? join(home, 'offline-guard.log');
  rmSync(guardLog, { force: true });
  const timeoutMs = options.timeoutMs ?? 60_000;
  const started = performance.now();

  return new Promise<Prisma1Result>((resolve, reject) => {
    // detached: the CLI gets its own process group, so a timeout kills whatever it spawned too.
    const child = spawn(process.execPath, [prisma1Bin, ...args], {
      cwd: options.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      if (ownHome) rmSync(home, { recursive: true, force: true });
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const blocked = readGuardLog(guardLog);
      if (ownHome) rmSync(home, { recursive: true, force: true });
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        timedOut,
        durationMs: Math.round(performance.now() - started),
        blocked,
      });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function readGuardLog(file: string): BlockedAttempt[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const { kind, host, port } = JSON.parse(line) as BlockedAttempt;
      return { kind, ...(host === undefined ? {} : { host }), ...(port === undefined ? {} : { port }) };
    });
}

/**
 * The CLI's messages as one line each: it wraps text at 80 columns (stdout is not a TTY) and prefixes
 * error lines with ` ▸    `. Use this before matching a message that may wrap.
 */
export function unwrapCliText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*▸\s+/, '').trim())
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
