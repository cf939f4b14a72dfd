import { describe, expect, it } from 'vitest'

import { signChallenge, verifyChallenge } from '@/platform/auth/twoFactor/challenge'
import { findRecoveryCode, hashRecoveryCode, newRecoveryCodes } from '@/platform/auth/twoFactor/recoveryCodes'
import { openSecret, sealSecret } from '@/platform/auth/twoFactor/secretBox'
import { base32Decode, base32Encode, matchTotp, otpauthUri, totpCode } from '@/platform/auth/twoFactor/totp'

const SECRET_KEY = 'unit-test-secret-key-of-sufficient-length'

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 appendix B, SHA-1: secret "12345678901234567890"; codes are the last 6 of its 8 digits.
  const rfcSecret = base32Encode(Buffer.from('12345678901234567890', 'ascii'))
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('at %i s gives %s', (seconds, code) => {
    expect(totpCode(rfcSecret, Math.floor(seconds / 30))).toBe(code)
  })

  it('base32 round-trips', () => {
    const bytes = Buffer.from('any bytes at all \u0000\u00ff', 'latin1')
    expect(base32Decode(base32Encode(bytes)).equals(bytes)).toBe(true)
  })

  it('accepts one step either side, never a used or older step, never a non-code', () => {
    const now = 1_700_000_000_000
    const step = Math.floor(now / 30_000)
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, step), { now })).toBe(step)
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, step + 1), { now })).toBe(step + 1)
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, step + 2), { now })).toBeUndefined()
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, step), { now, lastUsedStep: step })).toBeUndefined()
    expect(matchTotp(rfcSecret, 'abcdef', { now })).toBeUndefined()
  })

  it('writes an otpauth URI authenticator apps read', () => {
    const uri = new URL(otpauthUri({ issuer: 'Kitsu & FrankenJet', account: 'a@b.c', secret: 'JBSWY3DPEHPK3PXP' }))
    expect(uri.protocol).toBe('otpauth:')
    expect(uri.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXP')
    expect(uri.searchParams.get('issuer')).toBe('Kitsu & FrankenJet')
  })
})

describe('secret box (AES-256-GCM, HKDF key)', () => {
  it('round-trips, differs each time, and refuses another key or a changed byte', () => {
    const sealed = sealSecret(SECRET_KEY, 'JBSWY3DPEHPK3PXP')
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP')
    expect(sealSecret(SECRET_KEY, 'JBSWY3DPEHPK3PXP')).not.toBe(sealed)
    expect(openSecret(SECRET_KEY, sealed)).toBe('JBSWY3DPEHPK3PXP')
    expect(() => openSecret(`${SECRET_KEY}-other`, sealed)).toThrow()
    const parts = sealed.split('.')
    parts[3] = Buffer.from(Buffer.from(parts[3], 'base64url').map((b, i) => (i === 0 ? b ^ 1 : b))).toString('base64url')
    expect(() => openSecret(SECRET_KEY, parts.join('.'))).toThrow()
  })
})

describe('recovery codes', () => {
  it('gives ten distinct codes, stored as keyed hashes, each found once', () => {
    const codes = newRecoveryCodes()
    expect(new Set(codes).size).toBe(10)
    const stored = codes.map((code) => ({ hash: hashRecoveryCode(SECRET_KEY, code), usedAt: null as string | null }))
    expect(JSON.stringify(stored)).not.toContain(codes[0])
    expect(findRecoveryCode(SECRET_KEY, stored, codes[3].toLowerCase())).toBe(3)
    stored[3].usedAt = new Date().toISOString()
    expect(findRecoveryCode(SECRET_KEY, stored, codes[3])).toBe(-1)
    expect(findRecoveryCode(SECRET_KEY, stored, 'AAAAA-AAAAA')).toBe(-1)
  })
})

describe('sign-in challenge', () => {
  it('verifies its own, refuses forged, expired or foreign tokens', async () => {
    const token = signChallenge(SECRET_KEY, { userId: '7', step: 'verify' }, 60)
    expect(verifyChallenge(SECRET_KEY, token)).toEqual({ userId: '7', step: 'verify' })
    expect(verifyChallenge(`${SECRET_KEY}-other`, token)).toBeUndefined()
    expect(verifyChallenge(SECRET_KEY, `${token.slice(0, -2)}xx`)).toBeUndefined()
    expect(verifyChallenge(SECRET_KEY, 42)).toBeUndefined()
    const expired = signChallenge(SECRET_KEY, { userId: '7', step: 'verify' }, -1)
    expect(verifyChallenge(SECRET_KEY, expired)).toBeUndefined()
  })
})
