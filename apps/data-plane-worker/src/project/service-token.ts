// Service tokens (spec §11.2): HS256 only, any of the project's secrets, `exp`/`nbf` when present.
// Prisma 1 checks no claim; a project may opt in to requiring `data.service = "<service>@<stage>"`
// (tokens signed by `prisma1 token` carry it). A project without secrets is open only when the
// worker is configured to allow public projects: a missing secret fails closed.
import { verifyHs256, type JwtPayload } from '@refract/shared';

export const INVALID_TOKEN_MESSAGE = 'Your token is invalid. It might have expired or you might be using a token from a different project.';

export interface TokenPolicy {
  readonly secrets: readonly string[];
  /** `<service>@<stage>` when the project requires the claim, else null. */
  readonly requiredService: string | null;
  /** Whether a project without secrets is served to anyone. */
  readonly allowPublic: boolean;
}

/** Most tokens a gate remembers; past that it forgets them all (a flood cannot grow memory). */
const REMEMBERED_TOKENS = 10_000;

const claim = (payload: JwtPayload, name: 'exp' | 'nbf') => (typeof payload[name] === 'number' ? (payload[name] as number) : null);

/**
 * The token check of one loaded project. Clients send the same token with every request
 * (prisma-client-lib signs one at start-up), so a token that verified is remembered with its
 * `exp`/`nbf` and later requests cost a map lookup instead of an HMAC. The gate belongs to one
 * version of the project: new secrets or settings load a new project, and with it a new gate.
 */
export class ServiceTokenGate {
  private readonly verified = new Map<string, { readonly exp: number | null; readonly nbf: number | null }>();

  constructor(private readonly policy: TokenPolicy) {}

  allows(authorization: string | undefined, now = Date.now()): boolean {
    if (this.policy.secrets.length === 0) return this.policy.allowPublic;
    if (!authorization) return false;
    const known = this.verified.get(authorization);
    if (known) return (known.exp === null || known.exp * 1000 > now) && (known.nbf === null || known.nbf * 1000 <= now);
    const payload = this.verify(authorization, now);
    if (payload === null) return false;
    if (this.verified.size >= REMEMBERED_TOKENS) this.verified.clear();
    this.verified.set(authorization, { exp: claim(payload, 'exp'), nbf: claim(payload, 'nbf') });
    return true;
  }

  /**
   * When a token that `allows` accepts stops being valid, in milliseconds since the epoch (its
   * `exp`); null when it never expires, is not accepted, or the project has no secrets. A
   * subscription socket checks its token once, at init, and uses this to close when it expires.
   */
  expiryOf(authorization: string | undefined, now = Date.now()): number | null {
    if (this.policy.secrets.length === 0 || !authorization || !this.allows(authorization, now)) return null;
    // `allows` has just remembered the token with its `exp`.
    const exp = this.verified.get(authorization)?.exp ?? null;
    return exp === null ? null : exp * 1000;
  }

  /** The payload when some secret verifies the token (and its claim, if required), else null. */
  private verify(authorization: string, now: number): JwtPayload | null {
    const token = authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : authorization;
    for (const secret of this.policy.secrets) {
      const result = verifyHs256(token, secret, now);
      if (!result.ok) continue;
      const service = (result.payload as { data?: { service?: unknown } }).data?.service;
      if (this.policy.requiredService === null || service === this.policy.requiredService) return result.payload;
    }
    return null;
  }
}
