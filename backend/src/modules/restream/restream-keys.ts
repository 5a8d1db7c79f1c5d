import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { env } from '../../config/env.ts';

/**
 * Restream keys (other platforms' stream keys) are encrypted at rest with AES-256-GCM: a database dump or backup
 * does not hand out the creators' keys to their other channels. The key is its own, derived from
 * RESTREAM_KEY_SECRET (or AUTH_SECRET), so it says nothing about other uses of the secret.
 */
const key = createHmac('sha256', env.RESTREAM_KEY_SECRET ?? env.AUTH_SECRET)
  .update('restream-keys/v1')
  .digest();

/** `iv.tag.ciphertext`, each base64url. */
export function sealStreamKey(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.');
}

/** The key, or undefined when it cannot be opened (the secret changed): the creator is asked to enter it again. */
export function openStreamKey(sealed: string): string | undefined {
  const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !data) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
