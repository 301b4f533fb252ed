import { describe, expect, it } from 'vitest';
import { projectIdString, route } from './routing.js';

describe('route (spec §1.2–1.3)', () => {
  it.each([
    ['/', 'default$default'],
    ['/svc', 'svc$default'],
    ['/svc/dev', 'svc$dev'],
    ['/svc/dev/', 'svc$dev'],
    ['//ws//svc/dev', 'ws~svc$dev'],
  ])('maps POST %s to project %s', (path, id) => {
    const r = route('POST', path);
    expect(r.kind).toBe('project');
    if (r.kind === 'project') expect(projectIdString(r.projectId)).toBe(id);
  });

  it('strips a trailing reserved segment', () => {
    expect(route('POST', '/svc/dev/export')).toMatchObject({ kind: 'project', reserved: 'export' });
    expect(route('POST', '/svc/dev/_datamodel')).toMatchObject({ kind: 'project', reserved: '_datamodel', projectId: { service: 'svc', stage: 'dev' } });
    expect(route('POST', '/private')).toMatchObject({ kind: 'project', reserved: 'private', projectId: { service: 'default' } });
  });

  it('sends /management to the management API and /status to the status check', () => {
    expect(route('POST', '/management')).toEqual({ kind: 'management' });
    expect(route('GET', '/status')).toEqual({ kind: 'status' });
    expect(route('POST', '/management/dev')).toMatchObject({ kind: 'project', projectId: { service: 'management', stage: 'dev' } });
  });

  it('refuses 4 or more segments, and methods other than GET, HEAD and POST', () => {
    expect(route('POST', '/a/b/c/d')).toEqual({ kind: 'unsupported-project-id' });
    expect(route('PUT', '/svc/dev')).toEqual({ kind: 'method-not-allowed' });
  });

  it('serves the playground on GET of any other path', () => {
    expect(route('GET', '/svc/dev')).toMatchObject({ kind: 'playground', projectId: { service: 'svc', stage: 'dev' } });
  });
});
