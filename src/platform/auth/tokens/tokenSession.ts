import type { Payload, PayloadRequest } from 'payload'
import { addSessionToUser } from 'payload/shared'

import { getAppConfig } from '../../config'
import { databaseQuery } from '../../database/sql'
import type { RequestMeta } from '../requestMeta'
import { signAccessToken } from './accessToken'
import { createRefreshToken } from './refreshToken'
import { recordTokenSession } from './sessionStore'

export type TokenPair = {
  accessToken: string
  refreshToken: string
  tokenType: 'Bearer'
  /** Seconds the access token lives. */
  expiresIn: number
}

export const refreshExpiry = (): Date => new Date(Date.now() + getAppConfig().security.refreshTokenExpireDays * 86_400_000)

export const accessTokenFor = (userId: string | number, sid: string): Pick<TokenPair, 'accessToken' | 'tokenType' | 'expiresIn'> => {
  const { token, expiresIn } = signAccessToken(getAppConfig().security, { userId, sid })
  return { accessToken: token, tokenType: 'Bearer', expiresIn }
}

/**
 * Turns a Payload session (a row of `users_sessions`, made by Payload's login or by
 * startPayloadSession) into a token session: device details, a refresh token, an access token.
 */
export const openTokenSession = async ({
  payload,
  userId,
  sid,
  meta,
}: {
  payload: Payload
  userId: string | number
  sid: string
  meta: RequestMeta
}): Promise<TokenPair> => {
  const refresh = createRefreshToken(sid)
  await recordTokenSession(databaseQuery(payload), {
    sid,
    userId,
    userAgent: meta.userAgent,
    ip: meta.ip,
    refreshTokenHash: refresh.hash,
    refreshExpiresAt: refreshExpiry(),
  })
  return { ...accessTokenFor(userId, sid), refreshToken: refresh.token }
}

/** Adds a Payload session to a user who signed in without a password (e.g. Google). */
export const startPayloadSession = async ({
  payload,
  req,
  userId,
}: {
  payload: Payload
  req: PayloadRequest
  userId: string | number
}): Promise<string> => {
  const user = await payload.db.findOne({ collection: 'users', req, where: { id: { equals: userId } } })
  if (!user) throw new Error(`user ${userId} vanished while signing in`)
  const { sid } = await addSessionToUser({
    collectionConfig: payload.collections.users.config,
    payload,
    req,
    user: user as Parameters<typeof addSessionToUser>[0]['user'],
  })
  if (!sid) throw new Error('sessions are switched off for users')
  return sid
}
