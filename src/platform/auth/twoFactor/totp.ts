import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** RFC 6238 with the defaults every authenticator app uses: SHA-1, 6 digits, 30-second steps. */
const STEP_SECONDS = 30
const DIGITS = 6
/** One step either side: a phone clock a little off still works. */
const WINDOW = 1
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

export const base32Encode = (bytes: Buffer): string => {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31]
  return out
}

export const base32Decode = (text: string): Buffer => {
  const clean = text.replace(/[\s=]/g, '').toUpperCase()
  let bits = 0
  let value = 0
  const out: number[] = []
  for (const char of clean) {
    const index = BASE32.indexOf(char)
    if (index < 0) throw new Error('not base32')
    value = (value << 5) | index
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255)
      bits -= 8
    }
  }
  return Buffer.from(out)
}

/** A new 160-bit secret (RFC 4226's recommended length), base32 as authenticator apps expect. */
export const newTotpSecret = (): string => base32Encode(randomBytes(20))

export const timeStep = (now = Date.now()): number => Math.floor(now / 1000 / STEP_SECONDS)

/** HOTP (RFC 4226) of one time step. */
export const totpCode = (secret: string, step: number): string => {
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(step))
  const digest = createHmac('sha1', base32Decode(secret)).update(counter).digest()
  const offset = digest[digest.length - 1] & 15
  const binary = digest.readUInt32BE(offset) & 0x7fffffff
  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0')
}

/**
 * The time step a code matches (now, or one step either side), or undefined. Steps at or before
 * `lastUsedStep` never match: a code seen once cannot be replayed.
 */
export const matchTotp = (secret: string, code: string, { now = Date.now(), lastUsedStep = -1 } = {}): number | undefined => {
  if (!/^\d{6}$/.test(code)) return undefined
  const current = timeStep(now)
  for (let step = current - WINDOW; step <= current + WINDOW; step += 1) {
    if (step <= lastUsedStep) continue
    if (timingSafeEqual(Buffer.from(totpCode(secret, step)), Buffer.from(code))) return step
  }
  return undefined
}

/** The otpauth:// URI authenticator apps read from the QR code. */
export const otpauthUri = ({ issuer, account, secret }: { issuer: string; account: string; secret: string }): string => {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`
  const params = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: String(DIGITS), period: String(STEP_SECONDS) })
  return `otpauth://totp/${label}?${params.toString()}`
}
