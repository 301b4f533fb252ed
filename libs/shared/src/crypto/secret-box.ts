// Secrets at rest (service secrets in the management schema) are sealed with AES-256-GCM: the
// database alone never reveals them, and a tampered value fails to open instead of decrypting to
// garbage. The key comes from configuration, never from the database.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export class SecretBox {
  private readonly key: Buffer;

  /** `keyMaterial`: any secret string; it is hashed to a 256-bit key (and a purpose label). */
  constructor(keyMaterial: string, purpose = 'refract-secrets') {
    if (keyMaterial.length === 0) throw new Error('SecretBox needs non-empty key material.');
    this.key = createHash('sha256').update(`${purpose}\u0000${keyMaterial}`).digest();
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  /** Throws when the value was sealed with another key or was altered. */
  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || iv === undefined || tag === undefined || body === undefined) throw new Error('Not a sealed secret.');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}
