import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signHs256, verifyHs256 } from './jwt-hs256.js';

const secret = 'my-secret';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
function forge(header: unknown, payload: unknown, key = secret): string {
  const head = `${b64(header)}.${b64(payload)}`;
  return `${head}.${createHmac('sha256', key).update(head).digest('base64url')}`;
}

describe('HS256 tokens', () => {
  it('verifies what it signs, with iat and optional exp', () => {
    const token = signHs256({ data: { service: 'a@b' } }, secret, { expiresInSeconds: 60 });
    const result = verifyHs256(token, secret);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.payload.data).toEqual({ service: 'a@b' });
      expect(result.payload.exp).toBe((result.payload.iat as number) + 60);
    }
  });

  it('accepts tokens from other HS256 signers (the format of jsonwebtoken)', () => {
    expect(verifyHs256(forge({ alg: 'HS256', typ: 'JWT' }, {}), secret).ok).toBe(true);
  });

  it('refuses alg none, other algorithms, a wrong secret and tampering', () => {
    const none = `${b64({ alg: 'none' })}.${b64({})}.`;
    expect(verifyHs256(none, secret)).toMatchObject({ ok: false, reason: 'unsupported-algorithm' });
    expect(verifyHs256(forge({ alg: 'HS512' }, {}), secret)).toMatchObject({ ok: false, reason: 'unsupported-algorithm' });
    expect(verifyHs256(forge({ alg: 'HS256' }, {}, 'other'), secret)).toMatchObject({ ok: false, reason: 'bad-signature' });
    const [h, , s] = signHs256({ admin: false }, secret).split('.');
    expect(verifyHs256(`${h}.${b64({ admin: true })}.${s}`, secret)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('honours exp and nbf without leeway', () => {
    const now = 1_700_000_000_000;
    expect(verifyHs256(forge({ alg: 'HS256' }, { exp: now / 1000 }), secret, now)).toMatchObject({ reason: 'expired' });
    expect(verifyHs256(forge({ alg: 'HS256' }, { exp: now / 1000 + 1 }), secret, now).ok).toBe(true);
    expect(verifyHs256(forge({ alg: 'HS256' }, { nbf: now / 1000 + 1 }), secret, now)).toMatchObject({ reason: 'not-yet-valid' });
    expect(verifyHs256(forge({ alg: 'HS256' }, { exp: 'soon' }), secret, now)).toMatchObject({ reason: 'expired' });
  });

  it('refuses garbage', () => {
    for (const token of ['', 'a.b', 'a.b.c.d', '!!.??.**', `${b64({ alg: 'HS256' })}.${b64([1])}.x`]) {
      expect(verifyHs256(token, secret).ok).toBe(false);
    }
  });
});
