import { describe, expect, it } from 'vitest';
import { createLogger, type LoggerOptions } from './logger.factory.js';
import { REDACTED, redactSecrets } from './secret.redactor.js';

function capture(options: Omit<LoggerOptions, 'destination'> = { name: 'test-service' }) {
  const lines: string[] = [];
  const logger = createLogger({ ...options, destination: { write: (line: string) => void lines.push(line) } });
  const entries = (): Record<string, unknown>[] => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, entries };
}

describe('createLogger', () => {
  it('writes one JSON object per line with service, level, time and msg', () => {
    const { logger, lines, entries } = capture({ name: 'control-plane-api' });

    logger.info({ projectId: 'p1' }, 'deploy requested');
    logger.warn('slow query');

    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
    const [first, second] = entries();
    expect(first).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      service: 'control-plane-api',
      pid: process.pid,
      projectId: 'p1',
      msg: 'deploy requested',
    });
    expect(Date.now() - Date.parse(String(first?.time))).toBeLessThan(60_000);
    expect(second).toMatchObject({ level: 'warn', msg: 'slow query' });
  });

  it('filters by level, info by default', () => {
    const quiet = capture();
    quiet.logger.debug('hidden');
    quiet.logger.error('shown');
    const verbose = capture({ name: 'test-service', level: 'debug' });
    verbose.logger.debug('shown');

    expect(quiet.entries().map((entry) => entry.msg)).toEqual(['shown']);
    expect(verbose.entries().map((entry) => entry.level)).toEqual(['debug']);
  });

  it('child loggers add their bound fields to every line, nested children accumulate them', () => {
    const { logger, entries } = capture();
    const request = logger.child({ requestId: 'req-1' });
    const step = request.child({ step: 'plan' });

    request.info('start');
    step.info('planned');
    logger.info('root');

    expect(entries()).toEqual([
      expect.objectContaining({ requestId: 'req-1', msg: 'start' }),
      expect.objectContaining({ requestId: 'req-1', step: 'plan', msg: 'planned' }),
      expect.not.objectContaining({ requestId: expect.anything() }),
    ]);
  });

  it('redacts secret-looking keys at any depth, in logged objects and child bindings', () => {
    const { logger, lines, entries } = capture();
    const payload = {
      password: 'pw-1',
      DATABASE_PASSWORD: 'pw-2',
      secret: 'sec-1',
      managementApiSecret: 'sec-2',
      token: 'tok-1',
      headers: { Authorization: 'Bearer tok-2', 'x-api-key': 'key-1', accept: 'application/json' },
      stages: [{ name: 'dev', secrets: ['sec-3'] }],
      nested: { deeper: { clientSecret: 'sec-4', keep: 'visible' } },
    };

    logger.child({ accessToken: 'tok-3', requestId: 'r1' }).child({ refreshToken: 'tok-4' }).info(payload, 'request');

    const text = lines.join('');
    for (const value of ['pw-1', 'pw-2', 'sec-1', 'sec-2', 'sec-3', 'sec-4', 'tok-1', 'tok-2', 'tok-3', 'tok-4', 'key-1']) {
      expect(text).not.toContain(value);
    }
    expect(entries()[0]).toMatchObject({
      requestId: 'r1',
      accessToken: REDACTED,
      refreshToken: REDACTED,
      password: REDACTED,
      managementApiSecret: REDACTED,
      headers: { Authorization: REDACTED, 'x-api-key': REDACTED, accept: 'application/json' },
      stages: [{ name: 'dev', secrets: REDACTED }],
      nested: { deeper: { clientSecret: REDACTED, keep: 'visible' } },
    });
    expect(payload.password).toBe('pw-1');
  });

  it('masks connection-URL passwords in values and messages', () => {
    const { logger, lines } = capture();

    logger.info({ databaseUrl: 'postgres://refract:s3cr3t-pw@db:5432/refract' }, 'connecting to redis://:r3dis-pw@cache:6379');

    const text = lines.join('');
    expect(text).not.toContain('s3cr3t-pw');
    expect(text).not.toContain('r3dis-pw');
    expect(text).toContain(`postgres://refract:${REDACTED}@db:5432/refract`);
    expect(text).toContain(`redis://:${REDACTED}@cache:6379`);
  });

  it('applies extra redaction paths and keeps serialising errors', () => {
    const { logger, entries } = capture({ name: 'test-service', redact: ['card.number'] });

    logger.error({ card: { number: '4111111111111111', brand: 'visa' }, err: new Error('boom') }, 'payment failed');

    const [entry] = entries();
    expect(entry).toMatchObject({ card: { number: REDACTED, brand: 'visa' }, err: { type: 'Error', message: 'boom' } });
    expect(String((entry?.err as { stack?: unknown }).stack)).toContain('Error: boom');
  });

  it('pretty mode prints readable lines, still redacted', () => {
    const lines: string[] = [];
    const logger = createLogger({
      name: 'console',
      pretty: true,
      destination: { write: (line: string) => void lines.push(line) },
    });

    logger.info({ port: 3000, token: 'tok-pretty' }, 'listening');

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}console: listening \{"port":3000,"token":"\[REDACTED\]"\}\n$/);
  });
});

describe('redactSecrets', () => {
  it('handles cycles and leaves non-plain objects alone', () => {
    const date = new Date(0);
    const cyclic: Record<string, unknown> = { name: 'a', date };
    cyclic.self = cyclic;

    expect(redactSecrets(cyclic)).toEqual({ name: 'a', date, self: '[Circular]' });
  });
});
