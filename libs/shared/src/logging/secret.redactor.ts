/** What a redacted value is replaced with in log lines. */
export const REDACTED = '[REDACTED]';

/**
 * Keys whose values are never logged, matched case-insensitively anywhere in the key, at any
 * depth: `password`, `DATABASE_PASSWORD`, `secret`, `managementApiSecret`, `clientSecret`,
 * `token`, `accessToken`, `authorization`, `Authorization`, `x-api-key`, `apiKey`, `cookie`,
 * `set-cookie`, `credentials`, `privateKey`. Over-matching (`tokenCount`) is the accepted cost
 * of never under-matching.
 */
export const SECRET_KEY = /pass(?:word|wd|phrase)|secret|token|authorization|api[-_]?key|cookie|credential|private[-_]?key/i;

// `scheme://user:password@host` — the password part of a connection URL.
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)([^\s@/]+)@/gi;

/** Masks the password of every `scheme://user:password@` URL inside `text`. */
export function maskUrlPasswords(text: string): string {
  return text.replace(URL_PASSWORD, `$1${REDACTED}@`);
}

const MAX_DEPTH = 8;

/**
 * A copy of `value` in which every property with a secret-looking key is replaced with
 * {@link REDACTED} and every connection-URL password in a string is masked. Only plain objects
 * and arrays are walked; other objects (errors, dates, buffers) are left to pino's serializers.
 * The input is never mutated.
 */
export function redactSecrets(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return maskUrlPasswords(value);
  if (typeof value !== 'object' || value === null) return value;
  if (!Array.isArray(value) && !isPlainObject(value)) return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  seen.add(value);
  let result: unknown;
  if (Array.isArray(value)) {
    result = value.map((item) => redactSecrets(item, depth + 1, seen));
  } else {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      copy[key] = SECRET_KEY.test(key) ? REDACTED : redactSecrets(inner, depth + 1, seen);
    }
    result = copy;
  }
  // A value seen twice without a cycle (shared reference) is fine: only ancestors count.
  seen.delete(value);
  return result;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
