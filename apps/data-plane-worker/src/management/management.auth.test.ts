import { signHs256 } from '@refract/shared';
import { describe, expect, it } from 'vitest';
import { authorizeManagement } from './management.auth.js';

const secret = 'management-secret';
const token = (grants: unknown, options: { exp?: boolean } = {}) =>
  `Bearer ${signHs256({ grants }, secret, options.exp === false ? {} : { expiresInSeconds: 3600 })}`;
const project = { service: 'svc', stage: 'dev' };
const message = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return { code: (error as { prismaCode?: number }).prismaCode, message: (error as Error).message };
  }
  return null;
};

describe('management auth (spec §11.3)', () => {
  it('accepts the CLI token (*/*) for projects and for the cluster', () => {
    expect(message(() => authorizeManagement(token([{ target: '*/*', action: '*' }]), secret, project))).toBeNull();
    expect(message(() => authorizeManagement(token([{ target: '*/*', action: '*' }]), secret, null))).toBeNull();
    expect(message(() => authorizeManagement(token([{ target: 'svc/*', action: 'x' }]), secret, project))).toBeNull();
  });

  it('refuses with 3015 and the spec reasons', () => {
    const cases: [string | undefined, RegExp][] = [
      [undefined, /'Authorization' header not provided$/],
      ['Bearer nope', /Token can't be decoded: /],
      [`Bearer ${signHs256({ grants: [] }, 'other', { expiresInSeconds: 60 })}`, /Token can't be decoded: invalid signature/],
      [token([{ target: '*/*', action: '*' }], { exp: false }), /Failed to parse token data$/],
      [token('*/*'), /Failed to parse token data$/],
      [token([{ target: 'svc', action: '*' }]), /Contained invalid grant 'svc'$/],
      [token([{ target: 'svc/', action: '*' }]), /Both service and stage must be defined in grant 'svc\/'$/],
      [token([{ target: 'other/dev', action: '*' }, { target: 'svc/prod', action: '*' }]), /Token contained 2 grants but none satisfied the request\.$/],
    ];
    for (const [header, expected] of cases) {
      const result = message(() => authorizeManagement(header, secret, project));
      expect(result?.code, String(header)).toBe(3015);
      expect(result?.message).toMatch(/^Authentication token is invalid: /);
      expect(result?.message).toMatch(expected);
    }
  });

  it('requires */* for cluster-wide fields', () => {
    expect(message(() => authorizeManagement(token([{ target: 'svc/dev', action: '*' }]), secret, null))?.code).toBe(3015);
  });

  it('lets everything through only when no secret is configured', () => {
    expect(message(() => authorizeManagement(undefined, undefined, null))).toBeNull();
  });
});
