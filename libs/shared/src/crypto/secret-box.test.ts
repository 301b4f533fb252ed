import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  it('seals and opens, never showing the plaintext, with a fresh IV each time', () => {
    const box = new SecretBox('key');
    const a = box.seal('my-service-secret');
    const b = box.seal('my-service-secret');
    expect(a).not.toContain('my-service-secret');
    expect(a).not.toBe(b);
    expect(box.open(a)).toBe('my-service-secret');
  });

  it('refuses another key, tampering and garbage', () => {
    const sealed = new SecretBox('key').seal('s');
    expect(() => new SecretBox('other').open(sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('x').toString('base64url');
    expect(() => new SecretBox('key').open(parts.join('.'))).toThrow();
    expect(() => new SecretBox('key').open('plain')).toThrow('Not a sealed secret.');
    expect(() => new SecretBox('')).toThrow();
  });
});
