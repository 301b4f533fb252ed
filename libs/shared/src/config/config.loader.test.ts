import { format, inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../errors/config.error.js';
import { createLogger } from '../logging/logger.factory.js';
import { defineConfig, loadConfig, type InferConfig } from './config.loader.js';
import { field } from './env.fields.js';
import { SECRET_MASK, isSecret, secret } from './secret.marker.js';

const SECRET_VALUE = 'hunter2-correct-horse-battery-staple-0123456789';

const apiConfig = defineConfig({
  DATABASE_URL: field.postgresUrl(),
  REDIS_URL: field.redisUrl().default('redis://127.0.0.1:6379'),
  PORT: field.port().default(4000),
  LOG_LEVEL: field.oneOf(['debug', 'info', 'warn']).default('info'),
  METRICS_ENABLED: field.boolean().default(false),
  POOL_SIZE: field.positiveInt().default(10),
  STATEMENT_TIMEOUT: field.duration().default(30_000),
  JWT_SECRET: secret(field.string({ min: 32 })),
  MANAGEMENT_API_SECRET: secret(field.string()).optional(),
});

const validEnv = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/refract',
  JWT_SECRET: SECRET_VALUE,
};

function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies defaults and coerces strings to typed values', () => {
    const config: InferConfig<typeof apiConfig> = loadConfig(apiConfig, validEnv);

    expect({ ...config }).toEqual({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/refract',
      REDIS_URL: 'redis://127.0.0.1:6379',
      PORT: 4000,
      LOG_LEVEL: 'info',
      METRICS_ENABLED: false,
      POOL_SIZE: 10,
      STATEMENT_TIMEOUT: 30_000,
      JWT_SECRET: SECRET_VALUE,
      MANAGEMENT_API_SECRET: undefined,
    });
  });

  it('parses set values, trims them and treats empty values as unset', () => {
    const config = apiConfig.load({
      ...validEnv,
      PORT: ' 8080 ',
      LOG_LEVEL: 'debug',
      METRICS_ENABLED: 'TRUE',
      POOL_SIZE: '',
      STATEMENT_TIMEOUT: '5s',
      MANAGEMENT_API_SECRET: 'mgmt',
    });

    expect(config.PORT).toBe(8080);
    expect(config.LOG_LEVEL).toBe('debug');
    expect(config.METRICS_ENABLED).toBe(true);
    expect(config.POOL_SIZE).toBe(10);
    expect(config.STATEMENT_TIMEOUT).toBe(5_000);
    expect(config.MANAGEMENT_API_SECRET).toBe('mgmt');
  });

  it('lists every missing or invalid variable at once, in schema order', () => {
    const error = configErrorOf(() =>
      loadConfig(apiConfig, {
        DATABASE_URL: 'mysql://db.example.com/refract',
        PORT: '70000',
        LOG_LEVEL: 'verbose',
        METRICS_ENABLED: 'yes',
        POOL_SIZE: '0',
        STATEMENT_TIMEOUT: '10 minutes',
      }),
    );

    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.issues).toEqual([
      { variable: 'DATABASE_URL', reason: 'must be a URL with protocol postgres: or postgresql:' },
      { variable: 'PORT', reason: 'must be an integer between 0 and 65535' },
      { variable: 'LOG_LEVEL', reason: 'must be one of debug, info, warn' },
      { variable: 'METRICS_ENABLED', reason: 'must be one of true, false, 1, 0' },
      { variable: 'POOL_SIZE', reason: 'must be an integer >= 1' },
      { variable: 'STATEMENT_TIMEOUT', reason: 'must be a duration such as 500, 500ms, 30s, 5m, 1h or 7d' },
      { variable: 'JWT_SECRET', reason: 'is required' },
    ]);
    expect(error.message).toContain('7 variables missing or invalid');
    for (const { variable } of error.issues) expect(error.message).toContain(`  - ${variable}: `);
  });

  it('never echoes a value in the error, secret or not', () => {
    const badPort = 'not-a-port-value';
    const error = configErrorOf(() =>
      loadConfig(apiConfig, { ...validEnv, JWT_SECRET: 'short-but-secret', PORT: badPort }),
    );
    const renderings = [error.message, error.stack ?? '', JSON.stringify(error), inspect(error, { depth: 10 }), String(error)];

    expect(error.issues.map((issue) => issue.variable)).toEqual(['PORT', 'JWT_SECRET']);
    for (const text of renderings) {
      expect(text).toContain('JWT_SECRET');
      expect(text).not.toContain('short-but-secret');
      expect(text).not.toContain(badPort);
    }
    expect(error.cause).toBeUndefined();
  });

  it('withholds the reason of a secret whose custom message quotes the value', () => {
    const leaky = defineConfig({
      API_KEY: secret(z.string().refine(() => false, { error: (issue) => `rejected ${String(issue.input)}` })),
    });
    const error = configErrorOf(() => leaky.load({ API_KEY: 'sk_live_abcdef' }));

    expect(error.issues).toEqual([{ variable: 'API_KEY', reason: 'is invalid (reason withheld: it quotes the value)' }]);
    expect(JSON.stringify(error)).not.toContain('sk_live_abcdef');
  });

  it('masks secrets wherever the loaded config is printed, but returns the real value', () => {
    const config = loadConfig(apiConfig, { ...validEnv, MANAGEMENT_API_SECRET: 'mgmt-secret-value' });
    const lines: string[] = [];
    createLogger({ name: 'config-test', destination: { write: (line: string) => void lines.push(line) } }).info(
      { config },
      'booted',
    );
    const renderings = {
      json: JSON.stringify(config),
      nestedJson: JSON.stringify({ config }),
      inspect: inspect(config),
      inspectHidden: inspect(config, { showHidden: true, depth: 5 }),
      format: format('%s %o %O %j', config, config, config, config),
      string: String(config),
      template: `${String(config)}`,
      log: lines.join(''),
    };

    expect(config.JWT_SECRET).toBe(SECRET_VALUE);
    expect(config.MANAGEMENT_API_SECRET).toBe('mgmt-secret-value');
    expect(JSON.parse(renderings.json)).toMatchObject({ JWT_SECRET: SECRET_MASK, MANAGEMENT_API_SECRET: SECRET_MASK, PORT: 4000 });
    for (const [how, text] of Object.entries(renderings)) {
      expect(text, how).not.toContain(SECRET_VALUE);
      expect(text, how).not.toContain('mgmt-secret-value');
      expect(text, how).toContain('postgres://postgres@127.0.0.1:5432/refract');
    }
    expect(renderings.inspect).toContain(`JWT_SECRET: '${SECRET_MASK}'`);
  });

  it('returns a deeply frozen object', () => {
    const listConfig = defineConfig({
      ORIGINS: z.string().transform((raw) => ({ list: raw.split(',') })),
    });
    const config = loadConfig(listConfig, { ORIGINS: 'a,b' });
    const mutable = config as { ORIGINS: { list: string[] } };

    expect(Object.isFrozen(config)).toBe(true);
    expect(() => {
      mutable.ORIGINS = { list: [] };
    }).toThrow(TypeError);
    expect(() => mutable.ORIGINS.list.push('c')).toThrow(TypeError);
  });

  it('accepts a bare shape as well as a definition', () => {
    expect(loadConfig({ FEATURE: field.boolean() }, { FEATURE: '1' }).FEATURE).toBe(true);
  });

  describe('reading process.env by default', () => {
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it('reads the process environment when no env is given', () => {
      vi.stubEnv('REFRACT_SHARED_TEST_PORT', '5555');

      expect(loadConfig({ REFRACT_SHARED_TEST_PORT: field.port() }).REFRACT_SHARED_TEST_PORT).toBe(5555);
    });
  });
});

describe('secret()', () => {
  it('marks a copy, and the mark survives optional() and default()', () => {
    const base = field.string();
    const marked = secret(base);
    const definition = defineConfig({ A: marked.optional(), B: secret(field.string()).default('x'), C: base });

    expect(isSecret(base)).toBe(false);
    expect(isSecret(marked)).toBe(true);
    expect([...definition.secrets]).toEqual(['A', 'B']);
  });
});

describe('field', () => {
  const parse = (type: z.ZodType, raw: string): unknown => {
    const result = type.safeParse(raw);
    return result.success ? result.data : 'invalid';
  };

  it.each([
    ['port', field.port(), '0', 0],
    ['port', field.port(), '65535', 65_535],
    ['port', field.port(), '65536', 'invalid'],
    ['port', field.port(), '80.5', 'invalid'],
    ['port', field.port(), '-1', 'invalid'],
    ['int', field.int({ min: -5, max: 5 }), '-5', -5],
    ['int', field.int(), '9007199254740993', 'invalid'],
    ['positiveInt', field.positiveInt(), '12', 12],
    ['positiveInt', field.positiveInt(), '0', 'invalid'],
    ['positiveInt', field.positiveInt(), '1e3', 'invalid'],
    ['boolean', field.boolean(), 'true', true],
    ['boolean', field.boolean(), 'False', false],
    ['boolean', field.boolean(), '1', true],
    ['boolean', field.boolean(), '0', false],
    ['boolean', field.boolean(), 'on', 'invalid'],
    ['duration', field.duration(), '250', 250],
    ['duration', field.duration(), '250ms', 250],
    ['duration', field.duration(), '2m', 120_000],
    ['duration', field.duration(), '1h', 3_600_000],
    ['duration', field.duration(), '7d', 604_800_000],
    ['duration', field.duration(), '1.5s', 'invalid'],
    ['oneOf', field.oneOf(['a', 'b']), 'b', 'b'],
    ['oneOf', field.oneOf(['a', 'b']), 'B', 'invalid'],
    ['string', field.string({ min: 3 }), 'abc', 'abc'],
    ['string', field.string({ min: 3 }), 'ab', 'invalid'],
    ['postgresUrl', field.postgresUrl(), 'postgresql://u:p@db:5432/x', 'postgresql://u:p@db:5432/x'],
    ['postgresUrl', field.postgresUrl(), 'postgres:relative', 'invalid'],
    ['postgresUrl', field.postgresUrl(), 'redis://127.0.0.1', 'invalid'],
    ['redisUrl', field.redisUrl(), 'rediss://cache:6380/2', 'rediss://cache:6380/2'],
    ['redisUrl', field.redisUrl(), 'not a url', 'invalid'],
    ['url', field.url(), 'https://example.com/hook', 'https://example.com/hook'],
    ['url', field.url(), '/relative/path', 'invalid'],
  ] as const)('%s parses %j', (_name, type, raw, expected) => {
    expect(parse(type, raw)).toEqual(expected);
  });
});
