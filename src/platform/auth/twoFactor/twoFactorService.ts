import type { Payload } from 'payload'

import { databaseQuery, databaseTransaction } from '../../database/sql'
import { deleteCredential, enableCredential, readCredential, recordUsedStep, saveRecoveryCodes, savePendingSecret } from './credentialStore'
import { findRecoveryCode, hashRecoveryCode, newRecoveryCodes } from './recoveryCodes'
import { openSecret, sealSecret } from './secretBox'
import { matchTotp, newTotpSecret, otpauthUri } from './totp'

export type TwoFactorStatus = { enabled: boolean; enrolmentPending: boolean; recoveryCodesLeft: number }

export type Enrolment = { secret: string; otpauthUri: string }

/** Why a code was not accepted; the endpoints turn each into a 4xx. */
export type CodeRefusal = 'not-enabled' | 'no-enrolment' | 'already-enabled' | 'wrong-code'

export const twoFactorStatus = async (payload: Payload, userId: string | number): Promise<TwoFactorStatus> => {
  const row = await readCredential(databaseQuery(payload), userId)
  return {
    enabled: Boolean(row?.enabledAt && row.secret),
    enrolmentPending: Boolean(row?.pendingSecret),
    recoveryCodesLeft: row?.recoveryCodes.filter((code) => !code.usedAt).length ?? 0,
  }
}

export const isTwoFactorEnabled = async (payload: Payload, userId: string | number): Promise<boolean> =>
  (await twoFactorStatus(payload, userId)).enabled

/** A new secret waiting for its first code; refused while an authenticator is already on. */
export const beginEnrolment = async (
  payload: Payload,
  { secretKey, issuer, userId, account }: { secretKey: string; issuer: string; userId: string | number; account: string },
): Promise<Enrolment | 'already-enabled'> => {
  if (await isTwoFactorEnabled(payload, userId)) return 'already-enabled'
  const secret = newTotpSecret()
  await savePendingSecret(databaseQuery(payload), userId, sealSecret(secretKey, secret))
  return { secret, otpauthUri: otpauthUri({ issuer, account, secret }) }
}

/** The first code proves the app holds the secret: 2FA goes on and ten recovery codes come back (once). */
export const confirmEnrolment = async (
  payload: Payload,
  { secretKey, userId, code }: { secretKey: string; userId: string | number; code: string },
): Promise<{ recoveryCodes: string[] } | CodeRefusal> =>
  databaseTransaction(payload, async (query) => {
    const row = await readCredential(query, userId, { lock: true })
    if (row?.enabledAt && row.secret) return 'already-enabled'
    if (!row?.pendingSecret) return 'no-enrolment'
    const secret = openSecret(secretKey, row.pendingSecret)
    const step = matchTotp(secret, code)
    if (step === undefined) return 'wrong-code'
    const recoveryCodes = newRecoveryCodes()
    await enableCredential(query, row.id, {
      secret: row.pendingSecret,
      step,
      recoveryCodes: recoveryCodes.map((plain) => ({ hash: hashRecoveryCode(secretKey, plain), usedAt: null })),
    })
    return { recoveryCodes }
  })

/**
 * Checks a sign-in's second factor: a current TOTP code (never one already used) or an unused
 * recovery code, which is spent. The row is locked, so two racing requests cannot both pass.
 */
export const checkSecondFactor = async (
  payload: Payload,
  { secretKey, userId, code, recoveryCode }: { secretKey: string; userId: string | number; code?: string; recoveryCode?: string },
): Promise<{ via: 'code' | 'recovery-code'; recoveryCodesLeft: number } | CodeRefusal> =>
  databaseTransaction(payload, async (query) => {
    const row = await readCredential(query, userId, { lock: true })
    if (!row?.enabledAt || !row.secret) return 'not-enabled'
    const left = row.recoveryCodes.filter((entry) => !entry.usedAt).length
    if (code !== undefined) {
      const step = matchTotp(openSecret(secretKey, row.secret), code, { lastUsedStep: row.lastUsedStep })
      if (step === undefined) return 'wrong-code'
      await recordUsedStep(query, row.id, step)
      return { via: 'code', recoveryCodesLeft: left }
    }
    const index = recoveryCode === undefined ? -1 : findRecoveryCode(secretKey, row.recoveryCodes, recoveryCode)
    if (index < 0) return 'wrong-code'
    const spent = row.recoveryCodes.map((entry, i) => (i === index ? { ...entry, usedAt: new Date().toISOString() } : entry))
    await saveRecoveryCodes(query, row.id, spent)
    return { via: 'recovery-code', recoveryCodesLeft: left - 1 }
  })

/** Turning 2FA off takes a current code (a stolen session alone cannot do it). */
export const disableTwoFactor = async (
  payload: Payload,
  { secretKey, userId, code }: { secretKey: string; userId: string | number; code: string },
): Promise<true | CodeRefusal> =>
  databaseTransaction(payload, async (query) => {
    const row = await readCredential(query, userId, { lock: true })
    if (!row?.enabledAt || !row.secret) return 'not-enabled'
    if (matchTotp(openSecret(secretKey, row.secret), code, { lastUsedStep: row.lastUsedStep }) === undefined) return 'wrong-code'
    await deleteCredential(query, row.id)
    return true
  })
