// Service tokens (spec §11.2): HS256 only, any of the project's secrets, `exp`/`nbf` when present.
// Prisma 1 checks no claim; a project may opt in to requiring `data.service = "<service>@<stage>"`
// (tokens signed by `prisma1 token` carry it). A project without secrets is open only when the
// worker is configured to allow public projects: a missing secret fails closed.
import { verifyHs256 } from '@refract/shared';

export const INVALID_TOKEN_MESSAGE = 'Your token is invalid. It might have expired or you might be using a token from a different project.';

export interface TokenPolicy {
  readonly secrets: readonly string[];
  /** `<service>@<stage>` when the project requires the claim, else null. */
  readonly requiredService: string | null;
  /** Whether a project without secrets is served to anyone. */
  readonly allowPublic: boolean;
}

function claimedService(payload: unknown): unknown {
  const data = (payload as { data?: { service?: unknown } } | null)?.data;
  return data?.service;
}

export function isServiceTokenValid(authorization: string | undefined, policy: TokenPolicy, now = Date.now()): boolean {
  if (policy.secrets.length === 0) return policy.allowPublic;
  if (!authorization) return false;
  const token = authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : authorization;
  return policy.secrets.some((secret) => {
    const result = verifyHs256(token, secret, now);
    if (!result.ok) return false;
    return policy.requiredService === null || claimedService(result.payload) === policy.requiredService;
  });
}
