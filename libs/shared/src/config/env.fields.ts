import { z } from 'zod';

/**
 * Parsers for environment variables. Every field takes the raw string (already trimmed by the
 * loader, an empty value counting as unset) and produces a typed value. Failure messages say
 * what was expected and never quote the input, so they are safe for secret variables too.
 * Chain `.default(value)` (a parsed value) or `.optional()` as with any zod type.
 */
function fromString<T>(expected: string, parse: (raw: string) => T | undefined) {
  return z.string().transform((raw, ctx): T => {
    const value = parse(raw.trim());
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: `must be ${expected}` });
      return z.NEVER;
    }
    return value;
  });
}

const INTEGER = /^-?\d+$/;

/** Any non-empty string, at least `min` characters long (default 1). */
function string(options: { min?: number } = {}) {
  const min = options.min ?? 1;
  return fromString(`a string of at least ${min} character${min === 1 ? '' : 's'}`, (raw) =>
    raw.length >= min ? raw : undefined,
  );
}

/** An absolute URL, optionally restricted to some protocols (`'postgres:'`); returns the string. */
function url(options: { protocols?: readonly string[] } = {}) {
  const protocols = options.protocols ?? [];
  const expected = protocols.length === 0 ? 'an absolute URL' : `a URL with protocol ${protocols.join(' or ')}`;
  return fromString(expected, (raw) => {
    if (!URL.canParse(raw)) return undefined;
    const { protocol, hostname } = new URL(raw);
    if (protocols.length > 0 && !protocols.includes(protocol)) return undefined;
    // `new URL('postgres:foo')` parses; a connection URL needs a host.
    if (protocols.length > 0 && hostname === '') return undefined;
    return raw;
  });
}

/** A PostgreSQL connection URL (`postgres://` or `postgresql://`). */
function postgresUrl() {
  return url({ protocols: ['postgres:', 'postgresql:'] });
}

/** A Redis connection URL (`redis://` or `rediss://`). */
function redisUrl() {
  return url({ protocols: ['redis:', 'rediss:'] });
}

/** A safe integer within `[min, max]` (both optional). */
function int(options: { min?: number; max?: number } = {}) {
  const { min, max } = options;
  const range =
    min !== undefined && max !== undefined
      ? ` between ${min} and ${max}`
      : min !== undefined
        ? ` >= ${min}`
        : max !== undefined
          ? ` <= ${max}`
          : '';
  return fromString(`an integer${range}`, (raw) => {
    if (!INTEGER.test(raw)) return undefined;
    const value = Number(raw);
    if (!Number.isSafeInteger(value)) return undefined;
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) return undefined;
    return value;
  });
}

/** An integer >= 1 (pool sizes, concurrency, limits). */
function positiveInt() {
  return int({ min: 1 });
}

/** A TCP port, 0–65535 (0 asks the OS for a free port, which tests use). */
function port() {
  return int({ min: 0, max: 65_535 });
}

/** `true`/`false`/`1`/`0`, case-insensitive. Anything else ("yes", "on") is rejected, not guessed. */
function boolean() {
  return fromString('one of true, false, 1, 0', (raw) => {
    const lower = raw.toLowerCase();
    if (lower === 'true' || lower === '1') return true;
    if (lower === 'false' || lower === '0') return false;
    return undefined;
  });
}

/** One of the given strings, exactly (case-sensitive); typed as their union. */
function oneOf<const Values extends readonly [string, ...string[]]>(values: Values) {
  return fromString(`one of ${values.join(', ')}`, (raw) =>
    (values as readonly string[]).includes(raw) ? (raw as Values[number]) : undefined,
  );
}

const DURATION = /^(\d+)\s*(ms|s|m|h|d)?$/;
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * A duration in milliseconds: a bare integer means milliseconds, or use a unit suffix
 * (`500ms`, `30s`, `5m`, `1h`, `7d`).
 */
function duration() {
  return fromString('a duration such as 500, 500ms, 30s, 5m, 1h or 7d', (raw) => {
    const match = DURATION.exec(raw);
    if (match === null) return undefined;
    const [, amount = '', unit = 'ms'] = match;
    const value = Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
    return Number.isSafeInteger(value) ? value : undefined;
  });
}

/** Field parsers for config shapes: `{ PORT: field.port().default(4000) }`. */
export const field = { string, url, postgresUrl, redisUrl, int, positiveInt, port, boolean, oneOf, duration } as const;
