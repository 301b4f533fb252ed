// Management API authentication (spec §11.3), failing closed: the worker only runs without a
// management secret when explicitly told to (worker.config.ts), and then every request passes.
import { verifyHs256 } from '@refract/shared';
import { errors } from './management.errors.js';

/** What a request asks for: a project (`service`/`stage`), or the whole cluster (`null`). */
export type ManagementTarget = { readonly service: string; readonly stage: string } | null;

/**
 * Checks the `Authorization` header for `target`; throws a 3015 ManagementError otherwise.
 * `secret` undefined means auth is disabled (insecure development mode).
 */
export function authorizeManagement(authorization: string | undefined, secret: string | undefined, target: ManagementTarget, now = Date.now()): void {
  if (secret === undefined) return;
  if (!authorization) throw errors.invalidToken("'Authorization' header not provided");
  const token = authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : authorization;
  const verified = verifyHs256(token, secret, now);
  if (!verified.ok) throw errors.invalidToken(`Token can't be decoded: ${verified.message}`);
  const { grants, exp } = verified.payload as { grants?: unknown; exp?: unknown };
  const wellFormed =
    typeof exp === 'number' &&
    Array.isArray(grants) &&
    grants.every((g) => typeof g === 'object' && g !== null && typeof (g as { target?: unknown }).target === 'string' && typeof (g as { action?: unknown }).action === 'string');
  if (!wellFormed) throw errors.invalidToken('Failed to parse token data');
  for (const { target: grant } of grants as { target: string }[]) {
    const parts = grant.split('/');
    if (parts.length !== 2) throw errors.invalidToken(`Contained invalid grant '${grant}'`);
    const [service, stage] = parts as [string, string];
    if (service === '' || stage === '') throw errors.invalidToken(`Both service and stage must be defined in grant '${grant}'`);
    const matches = target
      ? (service === '*' || service === target.service) && (stage === '*' || stage === target.stage)
      : service === '*' && stage === '*';
    if (matches) return;
  }
  throw errors.invalidToken(`Token contained ${grants.length} grants but none satisfied the request.`);
}
