import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

const FORMAT = 'v1'

/** A 32-byte key for one purpose, derived from SECRET_KEY with HKDF-SHA256 (never the secret itself). */
export const deriveKey = (secret: string, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.from('cms-two-factor', 'utf8'), Buffer.from(purpose, 'utf8'), 32))

const encryptionKey = (secret: string): Buffer => deriveKey(secret, 'totp-secret-encryption')

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>` (base64url), so a stolen database row reveals nothing. */
export const sealSecret = (secret: string, plaintext: string): string => {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(secret), iv)
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return [FORMAT, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.')
}

/** Opens what sealSecret made; throws when the key changed or the value was tampered with. */
export const openSecret = (secret: string, sealed: string): string => {
  const [format, iv, tag, body] = sealed.split('.')
  if (format !== FORMAT || !iv || !tag || body === undefined) throw new Error('not a sealed two-factor secret')
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey(secret), Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
}
