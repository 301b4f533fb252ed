// Starts a real worker on a fresh database for a test suite and talks to it over HTTP.
import { createLogger, signHs256 } from '@refract/shared';
import { createTestDatabase, type TestDatabase } from '@refract/shared/testing';
import { afterAll, beforeAll } from 'vitest';
import { loadWorkerConfig } from '../src/config/worker.config.js';
import { startWorker, type RunningWorker } from '../src/worker.js';

export const MANAGEMENT_SECRET = 'test-management-secret';

export interface WorkerHandle {
  readonly url: string;
  readonly database: TestDatabase;
  readonly worker: RunningWorker;
  /** POST a GraphQL body to /management, with a management token that grants everything unless given. */
  management(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<{ status: number; body: any }>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  /** Waits until the project's migrations are no longer open. */
  settled(): Promise<void>;
}

export const cliToken = () => signHs256({ grants: [{ target: '*/*', action: '*' }] }, MANAGEMENT_SECRET, { expiresInSeconds: 3600 });

export function useWorker(prefix: string, env: Record<string, string> = {}): WorkerHandle {
  let handle: WorkerHandle | undefined;
  beforeAll(async () => {
    const database = await createTestDatabase({ prefix });
    let worker: RunningWorker;
    try {
      const config = loadWorkerConfig({ DATABASE_URL: database.url, PORT: '0', MANAGEMENT_API_SECRET: MANAGEMENT_SECRET, LOG_LEVEL: 'silent', ...env });
      worker = await startWorker(config, createLogger({ name: 'test-worker', level: 'silent' }));
    } catch (error) {
      // A worker that cannot start must not leave its database behind.
      await database.drop();
      throw error;
    }
    const url = `http://127.0.0.1:${worker.port}`;
    const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body: parsed as any, headers: response.headers };
    };
    handle = {
      url,
      database,
      worker,
      post,
      management: (query, variables, token = cliToken()) =>
        post('/management', { query, variables }, token === null ? {} : { authorization: `Bearer ${token}` }),
      settled: () => worker.applier.idle(),
    };
  });
  afterAll(async () => {
    await handle?.worker.close();
    await handle?.database.drop();
  });
  return new Proxy({} as WorkerHandle, {
    get: (_, key: keyof WorkerHandle) => {
      if (!handle) throw new Error('the worker starts in beforeAll');
      return handle[key];
    },
  });
}
