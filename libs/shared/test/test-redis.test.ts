import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisPrefix, useTestRedis, type TestRedis } from '../src/testing/index.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('createRedisPrefix', () => {
  // A key outside every test prefix, standing for another process's data.
  const outsiderKey = `refract:shared-test-outsider:${randomBytes(4).toString('hex')}`;
  let raw: Redis;
  const prefixes: TestRedis[] = [];

  beforeAll(async () => {
    raw = new Redis(REDIS_URL);
    await raw.set(outsiderKey, 'keep me', 'EX', 300);
  });

  afterAll(async () => {
    await Promise.all(prefixes.map((redis) => redis.cleanup()));
    await raw.del(outsiderKey);
    await raw.quit();
  });

  function reserve(prefix: string): TestRedis {
    const redis = createRedisPrefix(prefix);
    prefixes.push(redis);
    return redis;
  }

  it('builds a unique, namespaced prefix', () => {
    const first = reserve('shared');
    const second = reserve('shared');

    expect(first.prefix).toMatch(/^refract:test:shared:[0-9a-f]{8}:$/);
    expect(first.namespace).toBe(first.prefix.slice(0, -1));
    expect(first.key('jobs')).toBe(`${first.prefix}jobs`);
    expect(first.prefix).not.toBe(second.prefix);
    expect(() => createRedisPrefix('bad prefix*')).toThrow(TypeError);
  });

  it('isolates suites: the same key name under two prefixes holds two values', async () => {
    const first = reserve('shared_iso');
    const second = reserve('shared_iso');

    await first.client().set('counter', '1');
    await second.client().set('counter', '2');

    expect(await first.client().get('counter')).toBe('1');
    expect(await second.client().get('counter')).toBe('2');
    expect(await raw.get(first.key('counter'))).toBe('1');
    expect(await raw.get(second.key('counter'))).toBe('2');
  });

  it('cleanup deletes every key of the prefix, across SCAN pages, and nothing else', async () => {
    const target = reserve('shared_clean');
    const neighbour = reserve('shared_clean');
    const client = target.client();
    const unprefixed = target.client({ keyPrefix: false });
    const pipeline = client.pipeline();
    for (let index = 0; index < 1_200; index += 1) pipeline.set(`item:${index}`, String(index));
    pipeline.hset('hash', 'field', 'value');
    await pipeline.exec();
    await unprefixed.set(`${target.namespace}:bull:queue:id`, '1'); // what BullMQ with `prefix: namespace` writes
    await neighbour.client().set('item:0', 'neighbour');

    const deleted = await target.cleanup();

    expect(deleted).toBe(1_202);
    const [, remaining] = await raw.scan('0', 'MATCH', `${target.prefix}*`, 'COUNT', 10_000);
    expect(remaining).toEqual([]);
    expect(await raw.get(neighbour.key('item:0'))).toBe('neighbour');
    expect(await raw.get(outsiderKey)).toBe('keep me');
    expect(client.status).toBe('end');
    expect(unprefixed.status).toBe('end');
    expect(await target.cleanup()).toBe(0);
  });
});

describe('useTestRedis', () => {
  let key: string | undefined;
  const raw = new Redis(REDIS_URL, { lazyConnect: true });

  afterAll(async () => {
    // Runs after the inner suite's afterAll, which must have cleaned its prefix.
    expect(key).toMatch(/^refract:test:shared_hook:/);
    expect(await raw.exists(key ?? '')).toBe(0);
    await raw.quit();
  });

  describe('inside a suite', () => {
    const redis = useTestRedis('shared_hook');

    it('hands out a prefixed client right away', async () => {
      key = redis.key('greeting');
      await redis.client().set('greeting', 'hello');

      expect(await raw.get(key)).toBe('hello');
    });
  });
});
