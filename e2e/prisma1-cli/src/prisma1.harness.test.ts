import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startCliRequestRecorder, verifyHs256, type CliRequestRecorder } from './cli-request.recorder.ts';
import { createCliProject, runPrisma1, unwrapCliText, type CliProject } from './prisma1.harness.ts';

const DATAMODEL = 'type User {\n  id: ID! @id\n  name: String!\n}\n';

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('prisma1 harness', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const project = (endpoint: string, secret?: string): CliProject => {
    const p = createCliProject({ endpoint, datamodel: DATAMODEL, ...(secret === undefined ? {} : { secret }) });
    cleanups.push(() => p.cleanup());
    return p;
  };
  const recorder = async (...args: Parameters<typeof startCliRequestRecorder>): Promise<CliRequestRecorder> => {
    const r = await startCliRequestRecorder(...args);
    cleanups.push(() => r.close());
    return r;
  };

  it('writes prisma.yml and datamodel.prisma into a temporary project folder, and removes it', () => {
    const p = createCliProject({ endpoint: 'http://127.0.0.1:4466/app/dev', datamodel: DATAMODEL, secret: 'a,b' });
    expect(readFileSync(p.prismaYmlPath, 'utf8')).toBe('endpoint: "http://127.0.0.1:4466/app/dev"\ndatamodel: datamodel.prisma\nsecret: "a,b"\n');
    expect(readFileSync(p.datamodelPath, 'utf8')).toBe(DATAMODEL);
    p.cleanup();
    expect(existsSync(p.dir)).toBe(false);
  });

  it('runs `prisma1 --version` offline: 1.34.12, exit 0, nothing sent but the (suppressed) usage statistics', async () => {
    const p = project('http://127.0.0.1:4466/app/dev');
    const result = await runPrisma1(['--version'], { cwd: p.dir, timeoutMs: 30_000 });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Prisma CLI version: prisma\/1\.34\.12 \(linux-x64\) node-v\d+\.\d+\.\d+\n?$/);
    expect(result.stderr).toBe('');
    expect(result.blocked).toEqual([{ kind: 'telemetry' }]);
  });

  it('fails `prisma1 deploy` against a closed port with "Could not connect", exit 1', async () => {
    const port = await closedPort();
    const p = project(`http://127.0.0.1:${port}/app/dev`);
    const result = await runPrisma1(['deploy'], { cwd: p.dir, timeoutMs: 30_000 });
    expect(result.code).toBe(1);
    expect(unwrapCliText(result.stderr)).toContain(`Could not connect to server at http://127.0.0.1:${port}. Please check if your server is running.`);
    // The error is reported to Sentry and to the usage statistics: both stopped by the offline guard.
    expect(result.blocked).toContainEqual({ kind: 'sentry' });
    expect(result.blocked.filter((b) => b.kind === 'connect')).toEqual([]);
  });

  it('captures what `prisma1 deploy` sends with the recorder server', async () => {
    const secret = 'harness-management-secret';
    const rec = await recorder({ managementApiSecret: secret });
    const p = project(`${rec.origin}/app/dev`, 'service-secret');
    const result = await runPrisma1(['deploy'], { cwd: p.dir, env: { PRISMA_MANAGEMENT_API_SECRET: secret }, timeoutMs: 30_000 });

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Creating stage dev for service app... ✔');
    expect(result.stdout).toContain(`HTTP:  ${rec.origin}/app/dev`);

    const deploy = rec.managementRequests().find((r) => (r.json as { query: string }).query.includes('deploy(input:'));
    expect(deploy).toBeDefined();
    expect((deploy?.json as { variables: unknown }).variables).toEqual({
      name: 'app',
      stage: 'dev',
      types: `${DATAMODEL}\n`,
      secrets: ['service-secret'],
      subscriptions: [],
    });
    const token = deploy?.headers.authorization?.replace(/^Bearer /, '') ?? '';
    expect(verifyHs256(token, secret)).toMatchObject({ grants: [{ target: '*/*', action: '*' }] });
    expect(rec.projects.get('app@dev')?.datamodel).toBe(`${DATAMODEL}\n`);
    // Prisma Cloud's `{ me { … } }` account check, refused by the offline guard.
    expect(result.blocked).toContainEqual({ kind: 'connect', host: 'api2.cloud.prisma.sh', port: 443 });
  });

  it('kills the CLI (and its process group) when it outlives timeoutMs', async () => {
    // A server that accepts connections and never answers: the CLI waits for its first response.
    const sockets: Socket[] = [];
    const server: Server = createTcpServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const s of sockets) s.destroy();
          server.close(() => resolve());
        }),
    );
    const { port } = server.address() as AddressInfo;
    const p = project(`http://127.0.0.1:${port}/app/dev`);
    const result = await runPrisma1(['deploy'], { cwd: p.dir, timeoutMs: 3_000 });
    expect(result.timedOut).toBe(true);
    expect(result.code).toBeNull();
    expect(result.signal).toBe('SIGKILL');
    expect(sockets.length).toBeGreaterThan(0);
  });
});
