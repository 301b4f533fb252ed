import { compile } from '@refract/sql';
import { describe, expect, it } from 'vitest';
import type { DdlError } from './ddl.error.js';
import { createProjectSchema, dropProjectSchema, projectSchemaName } from './project-schema.ddl.js';

describe('project schemas', () => {
  it('are named by the project id: service$stage, workspace~service$stage (spec §4.1)', () => {
    expect(projectSchemaName('default', 'default')).toBe('default$default');
    expect(projectSchemaName('my-service', 'dev')).toBe('my-service$dev');
    expect(projectSchemaName('svc', 'prod', 'ws')).toBe('ws~svc$prod');
  });

  it('refuses names that would make the id ambiguous', () => {
    for (const [service, stage, workspace] of [['', 'dev'], ['svc', ''], ['a$b', 'dev'], ['svc', 'de$v'], ['svc', 'de~v'], ['svc', 'dev', 'w~s']] as const) {
      expect(() => projectSchemaName(service, stage, workspace)).toThrow(expect.objectContaining({ code: 'INVALID_PROJECT_NAME' }) as DdlError);
    }
  });

  it('are created if missing and dropped with everything in them', () => {
    expect(compile(createProjectSchema('ws~svc$prod')).text).toBe('CREATE SCHEMA IF NOT EXISTS "ws~svc$prod"');
    expect(compile(dropProjectSchema('ws~svc$prod')).text).toBe('DROP SCHEMA IF EXISTS "ws~svc$prod" CASCADE');
  });
});
