// Authentication of a subscription socket (spec §9.4, §11.2). The token travels in the init
// message's payload — the upgrade request's Authorization header is not used — and is checked by
// the very ServiceTokenGate the HTTP endpoints use, so both transports accept exactly the same
// tokens (HS256, any secret, exp/nbf, the opt-in service claim, public projects only if allowed).
import type { ProjectEndpoints } from '../project/project.endpoints.js';
import type { LoadedProject, ProjectRegistry } from '../project/project.registry.js';

/** Where projects come from: the worker's ProjectRegistry. */
export type ProjectSource = Pick<ProjectRegistry, 'get'>;
/** Where token gates come from: the worker's ProjectEndpoints, so HTTP and sockets share them. */
export type TokenGates = Pick<ProjectEndpoints, 'gateOf'>;

export type SocketAuthFailure = 'project-not-found' | 'missing-authorization' | 'invalid-token';

export type SocketAuthResult =
  | { readonly ok: true; readonly project: LoadedProject; readonly expiresAt: number | null }
  | { readonly ok: false; readonly failure: SocketAuthFailure };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The Authorization value of an init payload: `Authorization`, else `authorization` (Prisma 1 reads
 * both, in this order), when it is a string. `Bearer <jwt>` and a bare JWT are both accepted later.
 */
export function authorizationOf(payload: unknown): string | undefined {
  if (!isRecord(payload)) return undefined;
  const value = typeof payload.Authorization === 'string' ? payload.Authorization : payload.authorization;
  return typeof value === 'string' ? value : undefined;
}

export class SocketAuthenticator {
  constructor(
    private readonly projects: ProjectSource,
    private readonly gates: TokenGates,
  ) {}

  /** Loads the project and checks the token; `expiresAt` (ms) is when the token stops being valid. */
  async authenticate(projectId: string, authorization: string | undefined, now = Date.now()): Promise<SocketAuthResult> {
    const project = await this.projects.get(projectId);
    if (!project) return { ok: false, failure: 'project-not-found' };
    const gate = this.gates.gateOf(project);
    if (!gate.allows(authorization, now)) return { ok: false, failure: authorization === undefined ? 'missing-authorization' : 'invalid-token' };
    return { ok: true, project, expiresAt: gate.expiryOf(authorization, now) };
  }
}
