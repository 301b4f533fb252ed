// HS256 JSON Web Tokens: the only kind Prisma 1 service and management tokens use (spec §11).
// Written here rather than taken from a general JWT library so that exactly one algorithm exists:
// `none`, RS*/ES* (key-confusion) and every other `alg` are refused before any signature check.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type JwtPayload = Record<string, unknown>;

export type JwtFailure =
  | 'malformed'
  | 'unsupported-algorithm'
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid';

export type JwtVerification = { readonly ok: true; readonly payload: JwtPayload } | { readonly ok: false; readonly reason: JwtFailure; readonly message: string };

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function decodeJson(segment: string): unknown {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) throw new Error('not base64url');
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
}

function signature(input: string, secret: string): Buffer {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(input).digest();
}

/** Signs `payload` with HS256. `expiresInSeconds` adds `exp`; `iat` is always set. */
export function signHs256(payload: JwtPayload, secret: string, options: { expiresInSeconds?: number; now?: number } = {}): string {
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const claims: JwtPayload = { iat: now, ...payload };
  if (options.expiresInSeconds !== undefined) claims.exp = now + options.expiresInSeconds;
  const head = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
  return `${head}.${base64url(signature(head, secret))}`;
}

/**
 * Verifies an HS256 token against one secret: algorithm, signature, and `exp`/`nbf` when present
 * (no leeway, as Prisma 1). No claim is required here; callers check the claims they need.
 */
export function verifyHs256(token: string, secret: string, now: number = Date.now()): JwtVerification {
  const fail = (reason: JwtFailure, message: string): JwtVerification => ({ ok: false, reason, message });
  const segments = token.split('.');
  if (segments.length !== 3) return fail('malformed', 'the token does not have three segments');
  const [headSegment, payloadSegment, signatureSegment] = segments as [string, string, string];
  let header: unknown;
  let payload: unknown;
  try {
    header = decodeJson(headSegment);
    payload = decodeJson(payloadSegment);
  } catch {
    return fail('malformed', 'the token is not valid base64url JSON');
  }
  if (typeof header !== 'object' || header === null || (header as { alg?: unknown }).alg !== 'HS256') {
    return fail('unsupported-algorithm', 'only the HS256 algorithm is accepted');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return fail('malformed', 'the payload is not a JSON object');
  if (!/^[A-Za-z0-9_-]+$/.test(signatureSegment)) return fail('bad-signature', 'invalid signature');
  const expected = signature(`${headSegment}.${payloadSegment}`, secret);
  const given = Buffer.from(signatureSegment, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return fail('bad-signature', 'invalid signature');
  const claims = payload as JwtPayload;
  const seconds = now / 1000;
  if (claims.exp !== undefined && (typeof claims.exp !== 'number' || claims.exp <= seconds)) return fail('expired', 'jwt expired');
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > seconds)) return fail('not-yet-valid', 'jwt not active');
  return { ok: true, payload: claims };
}
