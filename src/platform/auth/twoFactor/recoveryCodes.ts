import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'

import { deriveKey } from './secretBox'

export const RECOVERY_CODE_COUNT = 10
/** No 0/O or 1/I/L: codes are read off paper. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

export type StoredRecoveryCode = { hash: string; usedAt: string | null }

const group = (): string => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')

/** Ten codes like `K7Q2M-XR4PZ` (about 49 bits each), shown to the user once. */
export const newRecoveryCodes = (): string[] => Array.from({ length: RECOVERY_CODE_COUNT }, () => `${group()}-${group()}`)

const normalise = (code: string): string => code.replace(/[\s-]/g, '').toUpperCase()

/** Keyed hash (HMAC with a key derived from SECRET_KEY): the database alone cannot be brute-forced. */
export const hashRecoveryCode = (secret: string, code: string): string =>
  createHmac('sha256', deriveKey(secret, 'recovery-code-hash')).update(normalise(code)).digest('hex')

/** The index of the unused stored code `code` matches, or -1. */
export const findRecoveryCode = (secret: string, stored: readonly StoredRecoveryCode[], code: string): number => {
  const wanted = Buffer.from(hashRecoveryCode(secret, code), 'hex')
  return stored.findIndex((entry) => !entry.usedAt && timingSafeEqual(Buffer.from(entry.hash, 'hex'), wanted))
}
