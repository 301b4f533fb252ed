// Service tokens (spec §11.2): HS256 only, any of the project's secrets, `exp`/`nbf` when present,
// no claims checked. A project without secrets is open.
import { verifyHs256 } from '@refract/shared';

export const INVALID_TOKEN_MESSAGE = 'Your token is invalid. It might have expired or you might be using a token from a different project.';

export function isServiceTokenValid(authorization: string | undefined, secrets: readonly string[], now = Date.now()): boolean {
  if (secrets.length === 0) return true;
  if (!authorization) return false;
  const token = authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : authorization;
  return secrets.some((secret) => verifyHs256(token, secret, now).ok);
}
