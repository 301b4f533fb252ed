import { describe, expect, it } from 'vitest';
import { routeKindOf } from './request.telemetry.js';
import { route } from './routing.js';

describe('routeKindOf', () => {
  it.each([
    ['POST', '/shop/dev', 'project'],
    ['POST', '/ws/shop/dev/private', 'project'],
    ['POST', '/shop/dev/_datamodel', 'project'],
    ['POST', '/shop/dev/export', 'export_import'],
    ['POST', '/shop/dev/import', 'export_import'],
    ['POST', '/management', 'management'],
    ['GET', '/status', 'status'],
    ['GET', '/metrics', 'metrics'],
    ['HEAD', '/metrics', 'metrics'],
    ['POST', '/metrics', 'project'],
    ['GET', '/shop/dev', 'other'],
    ['OPTIONS', '/shop/dev', 'other'],
    ['POST', '/a/b/c/d', 'other'],
  ])('classifies %s %s as %s', (method, path, kind) => {
    expect(routeKindOf(route(method, path))).toBe(kind);
  });
});
