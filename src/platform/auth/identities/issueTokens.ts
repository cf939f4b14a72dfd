import type { PayloadRequest } from 'payload'

import { readRequestMeta } from '../requestMeta'
import { openTokenSession, startPayloadSession, type TokenPair } from '../tokens/tokenSession'

/** Ends every provider sign-in as the password one does: a Payload session (device) and our token pair. */
export const issueTokens = async (req: PayloadRequest, userId: number): Promise<TokenPair> => {
  const sid = await startPayloadSession({ payload: req.payload, req, userId })
  return openTokenSession({ payload: req.payload, userId, sid, meta: readRequestMeta(req.headers) })
}

/** 302 to the frontend with the pair in the fragment: it never reaches a server or a Referer header. */
export const redirectWithTokens = (redirect: string, pair: TokenPair): Response => {
  const fragment = new URLSearchParams({
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
    tokenType: pair.tokenType,
    expiresIn: String(pair.expiresIn),
  })
  return new Response(null, { status: 302, headers: { Location: `${redirect}#${fragment.toString()}`, 'Referrer-Policy': 'no-referrer' } })
}
