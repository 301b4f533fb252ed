// The errors of a GraphQL response body, as `code` labels. Errors are read from what the client
// received rather than reported by each producer (the read fast path, graphql-js, the token gate,
// the project lookup, malformed requests): one place sees them all, and the engine carries no
// metrics callback. A body without an `"errors":` key — every successful read — is not parsed.
import { internalMessage } from '../http/graphql-request.js';

/** The start of the message that replaces every unexpected error (graphql-request.ts). */
const INTERNAL_MESSAGE_PREFIX = internalMessage('');

/**
 * The label of one error object: its Prisma code; `internal` for an unexpected error; `request`
 * for other errors that carry a request id (malformed requests, syntax errors, refused bodies);
 * `validation` for GraphQL's own errors, which carry none (validation, variable coercion).
 */
export function errorCodeOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'request';
  const { code, message, requestId } = error as { code?: unknown; message?: unknown; requestId?: unknown };
  if (typeof code === 'number' && Number.isSafeInteger(code)) return String(code);
  if (typeof message === 'string' && message.startsWith(INTERNAL_MESSAGE_PREFIX)) return 'internal';
  return requestId === undefined ? 'validation' : 'request';
}

/** The code labels of every error of a body: one result object, or a batch (an array of them). */
export function errorCodesOf(text: string): string[] {
  if (!text.includes('"errors":')) return [];
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [];
  }
  const codes: string[] = [];
  for (const result of Array.isArray(body) ? body : [body]) {
    const errors = typeof result === 'object' && result !== null ? (result as { errors?: unknown }).errors : undefined;
    if (Array.isArray(errors)) for (const error of errors) codes.push(errorCodeOf(error));
  }
  return codes;
}
