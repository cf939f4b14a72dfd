import type { SqlQuery } from '../../database/sql'
import type { StoredRecoveryCode } from './recoveryCodes'

/**
 * The two_factor_credentials table (collection TwoFactorCredentials), in plain SQL: checking a
 * code must lock the row (a code or recovery code is accepted once, even by two racing requests).
 */
export type CredentialRow = {
  id: number
  secret: string | null
  pendingSecret: string | null
  enabledAt: Date | null
  recoveryCodes: StoredRecoveryCode[]
  lastUsedStep: number
}

type RawRow = {
  id: number
  secret: string | null
  pending_secret: string | null
  enabled_at: Date | null
  recovery_codes: StoredRecoveryCode[] | null
  last_used_step: string | number | null
}

const toRow = (raw: RawRow | undefined): CredentialRow | undefined =>
  raw && {
    id: raw.id,
    secret: raw.secret,
    pendingSecret: raw.pending_secret,
    enabledAt: raw.enabled_at,
    recoveryCodes: raw.recovery_codes ?? [],
    lastUsedStep: raw.last_used_step === null ? -1 : Number(raw.last_used_step),
  }

const COLUMNS = 'id, secret, pending_secret, enabled_at, recovery_codes, last_used_step'

export const readCredential = async (query: SqlQuery, userId: string | number, { lock = false } = {}): Promise<CredentialRow | undefined> =>
  toRow((await query<RawRow>(`SELECT ${COLUMNS} FROM two_factor_credentials WHERE user_id = $1${lock ? ' FOR UPDATE' : ''}`, [userId]))[0])

/** Starts (or restarts) an enrolment; a confirmed authenticator, if any, stays as it is. */
export const savePendingSecret = async (query: SqlQuery, userId: string | number, sealed: string): Promise<void> => {
  await query(
    `INSERT INTO two_factor_credentials (user_id, pending_secret, updated_at, created_at) VALUES ($1, $2, now(), now())
     ON CONFLICT (user_id) DO UPDATE SET pending_secret = EXCLUDED.pending_secret, updated_at = now()`,
    [userId, sealed],
  )
}

export const enableCredential = async (
  query: SqlQuery,
  id: number,
  { secret, step, recoveryCodes }: { secret: string; step: number; recoveryCodes: StoredRecoveryCode[] },
): Promise<void> => {
  await query(
    `UPDATE two_factor_credentials SET secret = $2, pending_secret = NULL, enabled_at = now(), last_used_step = $3,
       recovery_codes = $4::jsonb, updated_at = now() WHERE id = $1`,
    [id, secret, step, JSON.stringify(recoveryCodes)],
  )
}

export const recordUsedStep = async (query: SqlQuery, id: number, step: number): Promise<void> => {
  await query('UPDATE two_factor_credentials SET last_used_step = $2, updated_at = now() WHERE id = $1', [id, step])
}

export const saveRecoveryCodes = async (query: SqlQuery, id: number, codes: StoredRecoveryCode[]): Promise<void> => {
  await query('UPDATE two_factor_credentials SET recovery_codes = $2::jsonb, updated_at = now() WHERE id = $1', [id, JSON.stringify(codes)])
}

export const deleteCredential = async (query: SqlQuery, id: number): Promise<void> => {
  await query('DELETE FROM two_factor_credentials WHERE id = $1', [id])
}
