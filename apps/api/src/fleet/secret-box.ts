import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { BridgeboardError } from '../errors.js';

const VERSION = 'v1';

/**
 * Secrets kept at rest (an engine's TLS client key, SSH key and passphrase), sealed with AES-256-GCM
 * under a key derived (scrypt, a salt per secret) from the operator's `BRIDGEBOARD_SECRET_KEY`.
 * The database alone opens nothing; a wrong key is refused by GCM's tag, never misread.
 */
export class SecretBox {
  readonly #key: string;

  constructor(key: string) {
    this.#key = key;
  }

  seal(plain: string): string {
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', scryptSync(this.#key, salt, 32), iv);
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, salt, iv, cipher.getAuthTag(), sealed].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join(':');
  }

  open(sealed: string): string {
    const [version, salt, iv, tag, body] = sealed.split(':');
    if (version !== VERSION || !salt || !iv || !tag || body === undefined) throw new Error('not a sealed secret of this version');
    const b = (s: string) => Buffer.from(s, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', scryptSync(this.#key, b(salt), 32), b(iv));
    decipher.setAuthTag(b(tag));
    try {
      return Buffer.concat([decipher.update(b(body)), decipher.final()]).toString('utf8');
    } catch {
      throw new BridgeboardError('unavailable', 'a stored engine secret does not open with BRIDGEBOARD_SECRET_KEY: was the key changed?');
    }
  }
}
