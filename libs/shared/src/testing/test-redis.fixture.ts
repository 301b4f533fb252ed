import { randomBytes } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import { testServices } from './test-services.config.js';

const SAFE_PREFIX = /^[a-z0-9_-]{1,32}$/;

export interface TestRedis {
  readonly url: string;
  /** `refract:test:<prefix>:<random>:` — every key of the suite starts with it. */
  readonly prefix: string;
  /** The prefix without its trailing colon, for libraries that add their own (BullMQ's `prefix`). */
  readonly namespace: string;
  /** The full key for `name`: `prefix + name`. */
  key(name: string): string;
  /**
   * A client on the test Redis. By default it sets ioredis' `keyPrefix`, so plain commands are
   * isolated; note that ioredis does not apply `keyPrefix` to SCAN/KEYS patterns, and BullMQ
   * refuses a connection with `keyPrefix` (pass `{ keyPrefix: false }` and use `namespace`).
   */
  client(options?: { keyPrefix?: boolean } & Omit<RedisOptions, 'keyPrefix'>): Redis;
  /**
   * Deletes every key starting with `prefix` (SCAN + UNLINK, never FLUSHDB: other suites and
   * other processes share the server) and quits the clients handed out. Returns how many keys
   * it deleted. Safe to call more than once.
   */
  cleanup(): Promise<number>;
}

/** Reserves a unique key prefix on the test Redis for one suite. Connects nothing until `client()`. */
export function createRedisPrefix(prefix: string, options: { url?: string } = {}): TestRedis {
  if (!SAFE_PREFIX.test(prefix)) throw new TypeError(`createRedisPrefix: prefix must match ${SAFE_PREFIX.source}`);
  const url = options.url ?? testServices().redisUrl;
  const namespace = `refract:test:${prefix}:${randomBytes(4).toString('hex')}`;
  const keyPrefix = `${namespace}:`;
  const clients: Redis[] = [];

  const connect = (redisOptions: RedisOptions): Redis => {
    const client = new Redis(url, { maxRetriesPerRequest: 1, ...redisOptions });
    // A connection error surfaces on the command that needed it; the event itself is noise.
    client.on('error', () => undefined);
    return client;
  };

  return {
    url,
    prefix: keyPrefix,
    namespace,
    key: (name) => `${keyPrefix}${name}`,
    client(clientOptions = {}) {
      const { keyPrefix: usePrefix = true, ...redisOptions } = clientOptions;
      const client = connect(usePrefix ? { ...redisOptions, keyPrefix } : redisOptions);
      clients.push(client);
      return client;
    },
    async cleanup() {
      const sweeper = connect({});
      try {
        return await deleteByPrefix(sweeper, keyPrefix);
      } finally {
        await Promise.allSettled([sweeper, ...clients.splice(0)].map((client) => quit(client)));
      }
    },
  };
}

async function deleteByPrefix(redis: Redis, keyPrefix: string): Promise<number> {
  // The prefix is built from [a-z0-9_:-] and hex, but escape glob characters anyway.
  const pattern = `${keyPrefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}

async function quit(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}
