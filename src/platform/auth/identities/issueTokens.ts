import type { PayloadRequest } from 'payload'

import { readRequestMeta } from '../requestMeta'
import { openTokenSession, startPayloadSession, type TokenPair } from '../tokens/tokenSession'
import { secondFactorChallenge, type ChallengeAnswer } from '../twoFactor'

/**
 * Ends every provider sign-in as the password one does: a Payload session (device) and our token
 * pair, or, when a second factor is due, the same challenge a password sign-in answers with (the
 * tokens then come from POST /api/auth/2fa/verify).
 */
export const issueTokens = async (req: PayloadRequest, user: { id: number; roles?: unknown }): Promise<TokenPair | ChallengeAnswer> => {
  const challenge = await secondFactorChallenge(req.payload, user)
  if (challenge) return challenge
  const sid = await startPayloadSession({ payload: req.payload, req, userId: user.id })
  return openTokenSession({ payload: req.payload, userId: user.id, sid, meta: readRequestMeta(req.headers) })
}

/** 302 to the frontend with the pair (or the challenge) in the fragment: it never reaches a server or a Referer header. */
export const redirectWithTokens = (redirect: string, pair: TokenPair | ChallengeAnswer): Response => {
  const fragment = new URLSearchParams(
    'challenge' in pair
      ? { twoFactorRequired: 'true', step: pair.step, challenge: pair.challenge, expiresIn: String(pair.expiresIn) }
      : { accessToken: pair.accessToken, refreshToken: pair.refreshToken, tokenType: pair.tokenType, expiresIn: String(pair.expiresIn) },
  )
  return new Response(null, { status: 302, headers: { Location: `${redirect}#${fragment.toString()}`, 'Referrer-Policy': 'no-referrer' } })
}
