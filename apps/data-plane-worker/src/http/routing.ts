// Where a request goes (spec §1.2–1.3): pure, so the route table is tested without a server.

/** Trailing path segments that select another endpoint of the same project. */
export const RESERVED_SEGMENTS = ['private', 'import', 'export', '_datamodel'] as const;
export type ReservedSegment = (typeof RESERVED_SEGMENTS)[number];

export type Route =
  | { readonly kind: 'status' }
  | { readonly kind: 'metrics' }
  | { readonly kind: 'management' }
  | { readonly kind: 'playground'; readonly projectId: ProjectId | null }
  | { readonly kind: 'project'; readonly projectId: ProjectId; readonly reserved: ReservedSegment | null }
  | { readonly kind: 'unsupported-project-id' }
  | { readonly kind: 'method-not-allowed' };

export interface ProjectId {
  readonly service: string;
  readonly stage: string;
  readonly workspace: string | null;
}

/** The PostgreSQL schema (and management id) of a project: `service$stage` or `workspace~service$stage`. */
export function projectIdString(id: ProjectId): string {
  return `${id.workspace ? `${id.workspace}~` : ''}${id.service}$${id.stage}`;
}

function segmentsOf(pathname: string): string[] {
  return pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => {
      if (!s.includes('%')) return s;
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

/** Maps the remaining segments to a project id (spec §1.3 step 3); null for 4 or more segments. */
export function projectIdFromSegments(segments: readonly string[]): ProjectId | null {
  switch (segments.length) {
    case 0:
      return { service: 'default', stage: 'default', workspace: null };
    case 1:
      return { service: segments[0]!, stage: 'default', workspace: null };
    case 2:
      return { service: segments[0]!, stage: segments[1]!, workspace: null };
    case 3:
      return { service: segments[1]!, stage: segments[2]!, workspace: segments[0]! };
    default:
      return null;
  }
}

export function route(method: string, pathname: string): Route {
  const segments = segmentsOf(pathname);
  if (method === 'GET' || method === 'HEAD') {
    if (pathname === '/status') return { kind: 'status' };
    if (pathname === '/metrics') return { kind: 'metrics' };
    return { kind: 'playground', projectId: projectIdFromSegments(segments) };
  }
  if (method !== 'POST') return { kind: 'method-not-allowed' };
  const last = segments.at(-1);
  const reserved = RESERVED_SEGMENTS.find((r) => r === last) ?? null;
  const remaining = reserved ? segments.slice(0, -1) : segments;
  if (!reserved && remaining.length === 1 && remaining[0] === 'management') return { kind: 'management' };
  const projectId = projectIdFromSegments(remaining);
  return projectId ? { kind: 'project', projectId, reserved } : { kind: 'unsupported-project-id' };
}
