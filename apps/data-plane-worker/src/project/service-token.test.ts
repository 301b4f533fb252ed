import { signHs256 } from '@refract/shared';
import { describe, expect, it } from 'vitest';
import { ServiceTokenGate } from './service-token.js';

const policy = { secrets: ['s1', 's2'], requiredService: null, allowPublic: false };

describe('ServiceTokenGate', () => {
  it('remembers a verified token but still honours its exp and nbf', () => {
    const now = Date.now();
    const gate = new ServiceTokenGate(policy);
    const token = `Bearer ${signHs256({ nbf: Math.floor(now / 1000) }, 's2', { expiresInSeconds: 60, now })}`;
    expect(gate.allows(token, now)).toBe(true);
    expect(gate.allows(token, now + 30_000)).toBe(true);
    expect(gate.allows(token, now + 61_000)).toBe(false);
    expect(gate.allows(token, now - 5_000)).toBe(false);
  });

  it('refuses bad tokens every time and fails closed without secrets unless public projects are allowed', () => {
    const gate = new ServiceTokenGate(policy);
    const wrong = `Bearer ${signHs256({}, 'other')}`;
    expect(gate.allows(wrong)).toBe(false);
    expect(gate.allows(wrong)).toBe(false);
    expect(gate.allows(undefined)).toBe(false);
    expect(new ServiceTokenGate({ ...policy, secrets: [] }).allows(undefined)).toBe(false);
    expect(new ServiceTokenGate({ ...policy, secrets: [], allowPublic: true }).allows(undefined)).toBe(true);
  });

  it('checks the service claim when the project requires it', () => {
    const gate = new ServiceTokenGate({ ...policy, requiredService: 'shop@dev' });
    expect(gate.allows(signHs256({ data: { service: 'shop@dev' } }, 's1'))).toBe(true);
    expect(gate.allows(signHs256({ data: { service: 'shop@prod' } }, 's1'))).toBe(false);
    expect(gate.allows(signHs256({}, 's1'))).toBe(false);
  });
});

describe('ServiceTokenGate.expiryOf', () => {
  it('tells when an accepted token expires, and null when it never does or is not accepted', () => {
    const now = Date.now();
    const gate = new ServiceTokenGate(policy);
    const expiring = signHs256({}, 's1', { expiresInSeconds: 60, now });
    expect(gate.expiryOf(`Bearer ${expiring}`, now)).toBe((Math.floor(now / 1000) + 60) * 1000);
    expect(gate.expiryOf(expiring, now)).toBe((Math.floor(now / 1000) + 60) * 1000);
    expect(gate.expiryOf(signHs256({}, 's2'), now)).toBeNull();
    expect(gate.expiryOf(signHs256({}, 'other', { expiresInSeconds: 60 }), now)).toBeNull();
    expect(gate.expiryOf(`Bearer ${expiring}`, now + 61_000)).toBeNull();
    expect(new ServiceTokenGate({ ...policy, secrets: [], allowPublic: true }).expiryOf(`Bearer ${expiring}`)).toBeNull();
  });
});
