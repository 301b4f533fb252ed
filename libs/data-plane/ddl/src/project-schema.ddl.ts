// One PostgreSQL schema per project, named by the project id (spec §4.1).
import { sql, type Sql } from '@refract/sql';
import { DdlError } from './ddl.error.js';

/**
 * The project id and schema name: `service$stage`, or `workspace~service$stage` for a service
 * in a workspace (spec §4.1). `$` separates service and stage, `~` workspace and service, so
 * neither may appear where it would make the name ambiguous; the management API validates the
 * full name rules (spec §2.8).
 */
export function projectSchemaName(service: string, stage: string, workspace?: string): string {
  const bad = (part: string, forbidden: RegExp) => part.length === 0 || forbidden.test(part);
  if (bad(service, /\$/) || bad(stage, /[$~]/) || (workspace !== undefined && bad(workspace, /[$~]/))) {
    throw new DdlError('INVALID_PROJECT_NAME', 'A project schema name needs a non-empty service and stage without `$` (and a stage and workspace without `~`).');
  }
  const project = `${service}$${stage}`;
  return workspace === undefined ? project : `${workspace}~${project}`;
}

/** IF NOT EXISTS: adding a project whose schema exists (an adopted Prisma 1 database) is not an error. */
export function createProjectSchema(schemaName: string): Sql {
  return sql`CREATE SCHEMA IF NOT EXISTS ${sql.ident(schemaName)}`;
}

/** Drops the project with everything in it. */
export function dropProjectSchema(schemaName: string): Sql {
  return sql`DROP SCHEMA IF EXISTS ${sql.ident(schemaName)} CASCADE`;
}
