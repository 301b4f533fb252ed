// Service and stage names (spec §2.8): they become PostgreSQL schema names and URL segments, so
// quotes, `$`, slashes and the like never get past this check.
import { errors } from './management.errors.js';

const SERVICE = /^[a-zA-Z][a-zA-Z0-9\-_~]*$/;
const STAGE = /^[a-zA-Z][a-zA-Z0-9\-_]*$/;
const RESERVED = new Set(['cluster', 'management', 'export', 'import']);

/** Throws 4006/4007/4001/4002, checked in that order as Prisma 1 does. */
export function assertValidProjectNames(name: string, stage: string): void {
  if (RESERVED.has(name)) throw errors.reservedServiceName(name);
  if (RESERVED.has(stage)) throw errors.reservedStageName(stage);
  if (!SERVICE.test(name) || name.length > 140) throw errors.invalidServiceName(name);
  if (!STAGE.test(stage) || stage.length > 30) throw errors.invalidStageName(stage);
}

export function projectId(name: string, stage: string): string {
  return `${name}$${stage}`;
}
