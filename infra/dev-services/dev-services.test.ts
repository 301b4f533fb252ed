// Runs the real servers: the private ones live in a temporary data folder on random free ports,
// so the system services on 5432/6379 and <repo>/.data are only ever probed, never changed.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDevServices, stopPrivateServices, type DevServices } from './dev-services.mjs';

const SCRIPT = join(import.meta.dirname, 'dev-services.mjs');
const silent = (): void => {};
const run = promisify(execFile);

/** Ports nothing listens on; all held open together so that no two are the same. */
async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => net.createServer());
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))));
  const ports = servers.map((server) => (server.address() as net.AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

async function selectOne(url: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return (await client.query('SELECT 1 AS one')).rows[0]?.one;
  } finally {
    await client.end().catch(silent);
  }
}

async function showDataDirectory(url: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return (await client.query('SHOW data_directory')).rows[0]?.data_directory;
  } finally {
    await client.end().catch(silent);
  }
}

/** PING over a bare socket, independent of the script's own Redis client. */
function ping(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    let reply = '';
    socket.setTimeout(3_000, () => socket.destroy(new Error('no reply')));
    socket.on('error', reject);
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (!reply.endsWith('\r\n')) return;
      socket.end();
      resolve(reply.trim());
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** The CLI, with the caller's environment minus any DATABASE_URL / REDIS_URL `npm test` may set. */
async function cli(args: string[], env: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  const { DATABASE_URL: _database, REDIS_URL: _redis, ...inherited } = process.env;
  return run(process.execPath, [SCRIPT, ...args], { env: { ...inherited, ...env } });
}

async function defaultsAnswer(): Promise<boolean> {
  const postgres = await selectOne('postgres://postgres@127.0.0.1:5432/postgres').then(
    (one) => one === 1,
    () => false,
  );
  const redis = await ping('redis://127.0.0.1:6379').then(
    (reply) => reply === '+PONG',
    () => false,
  );
  return postgres && redis;
}

describe('dev-services with the local defaults running', () => {
  it('reports them as already running, and their URLs answer', async () => {
    // Checked apart from the script, and before it runs, so that a machine without them gets
    // this message instead of private servers started on the default private ports.
    expect(await defaultsAnswer(), 'needs PostgreSQL (user postgres, trust) on 127.0.0.1:5432 and Redis on 127.0.0.1:6379').toBe(true);
    const scratch = mkdtempSync(join(tmpdir(), 'refract-dev-services-'));
    try {
      const unusedDataDir = join(scratch, 'unused');
      const services = await ensureDevServices({ env: { REFRACT_DEV_DATA_DIR: unusedDataDir }, log: silent });

      expect(services.postgres).toEqual({ source: 'running', url: 'postgres://postgres@127.0.0.1:5432/postgres', private: false });
      expect(services.redis).toEqual({ source: 'running', url: 'redis://127.0.0.1:6379', private: false });
      expect(await selectOne(services.databaseUrl)).toBe(1);
      expect(await ping(services.redisUrl)).toBe('+PONG');
      expect(existsSync(unusedDataDir)).toBe(false);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe('dev-services with the defaults absent', () => {
  let dataDir = '';
  let pgPort = 0;
  let redisPort = 0;
  let closedPort = 0;
  let privateEnv: Record<string, string> = {};
  let first: DevServices | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'refract-dev-services-'));
    // mkdtemp makes it 0700: under root, the postgres OS user must still reach its folder inside.
    chmodSync(dataDir, 0o755);
    [pgPort = 0, redisPort = 0, closedPort = 0] = await freePorts(3);
    privateEnv = {
      REFRACT_DEV_DATA_DIR: dataDir,
      REFRACT_DEV_PG_PORT: String(pgPort),
      REFRACT_DEV_REDIS_PORT: String(redisPort),
      REFRACT_DEV_PG_PROBE: `127.0.0.1:${closedPort}`,
      REFRACT_DEV_REDIS_PROBE: `127.0.0.1:${closedPort}`,
    };
  });

  afterAll(async () => {
    try {
      await stopPrivateServices(dataDir, { log: silent });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('starts a private PostgreSQL and Redis that answer real queries', { timeout: 120_000 }, async () => {
    first = await ensureDevServices({ env: privateEnv, log: silent });

    expect(first.postgres).toMatchObject({ source: 'started', private: true, url: `postgres://postgres@127.0.0.1:${pgPort}/postgres` });
    expect(first.redis).toMatchObject({ source: 'started', private: true, url: `redis://127.0.0.1:${redisPort}` });
    expect(first.databaseUrl).toBe(first.postgres.url);
    expect(first.redisUrl).toBe(first.redis.url);
    expect(await selectOne(first.databaseUrl)).toBe(1);
    expect(await showDataDirectory(first.databaseUrl)).toBe(join(dataDir, 'postgres', 'data'));
    expect(await ping(first.redisUrl)).toBe('+PONG');
  });

  it('reuses them on a second run, quickly, and reports it as JSON on stdout', async () => {
    const startedAt = Date.now();
    const { stdout, stderr } = await cli(['--json'], privateEnv);
    const elapsed = Date.now() - startedAt;
    const second = JSON.parse(stdout) as DevServices;

    expect(second.postgres).toMatchObject({ source: 'running', private: true, url: first?.postgres.url, pid: first?.postgres.pid });
    expect(second.redis).toMatchObject({ source: 'running', private: true, url: first?.redis.url, pid: first?.redis.pid });
    expect(stderr).not.toContain('starting');
    expect(elapsed).toBeLessThan(5_000);
  });

  it('reports servers answering at the probe addresses as already running, starting nothing', async () => {
    const unusedDataDir = join(dataDir, 'unused');
    const services = await ensureDevServices({
      env: { REFRACT_DEV_DATA_DIR: unusedDataDir, REFRACT_DEV_PG_PROBE: `127.0.0.1:${pgPort}`, REFRACT_DEV_REDIS_PROBE: `127.0.0.1:${redisPort}` },
      log: silent,
    });

    expect(services.postgres).toEqual({ source: 'running', private: false, url: `postgres://postgres@127.0.0.1:${pgPort}/postgres` });
    expect(services.redis).toEqual({ source: 'running', private: false, url: `redis://127.0.0.1:${redisPort}` });
    expect(existsSync(unusedDataDir)).toBe(false);
  });

  it('uses DATABASE_URL and REDIS_URL when they are set', async () => {
    const databaseUrl = `postgres://postgres@127.0.0.1:${pgPort}/template1`;
    const redisUrl = `redis://127.0.0.1:${redisPort}/0`;
    const services = await ensureDevServices({ env: { ...privateEnv, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl }, log: silent });

    expect(services).toEqual({
      databaseUrl,
      redisUrl,
      postgres: { source: 'env', url: databaseUrl, private: false },
      redis: { source: 'env', url: redisUrl, private: false },
    });
    expect(await selectOne(services.databaseUrl)).toBe(1);
  });

  it('fails with a clear message, password masked, when DATABASE_URL does not answer', async () => {
    const env = { ...privateEnv, DATABASE_URL: `postgres://app:s3cret@127.0.0.1:${closedPort}/app` };

    await expect(ensureDevServices({ env, log: silent })).rejects.toMatchObject({
      code: 'UNREACHABLE',
      message: expect.stringMatching(/^DATABASE_URL \(postgres:\/\/app:\*\*\*@127\.0\.0\.1:\d+\/app\) does not answer: .*ECONNREFUSED/),
    });
  });

  it('stop stops them, and a second stop finds nothing to stop', async () => {
    const { stdout } = await cli(['stop', '--json'], privateEnv);

    expect(JSON.parse(stdout)).toEqual({ postgres: 'stopped', redis: 'stopped' });
    expect(await portOpen(pgPort)).toBe(false);
    expect(await portOpen(redisPort)).toBe(false);
    expect(JSON.parse((await cli(['stop', '--json'], privateEnv)).stdout)).toEqual({ postgres: 'not running', redis: 'not running' });
  });
});
