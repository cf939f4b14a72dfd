import { getFieldsToSign, jwtSign, type PayloadRequest } from 'payload'
import { generatePayloadCookie } from 'payload/shared'

import type { User } from '@/payload-types'
import { ownProfile } from '../endpoints/publicUser'
import { clearSignInFailures } from '../rateLimit'
import { readRequestMeta } from '../requestMeta'
import { openTokenSession, startPayloadSession } from '../tokens/tokenSession'

/**
 * The end of a sign-in whose second factor has been checked: a new session, then either our
 * token pair (API clients) or Payload's own cookie (`cookie: true`, the admin panel).
 */
export const completeSignIn = async (req: PayloadRequest, userId: string | number, { cookie }: { cookie: boolean }): Promise<Response> => {
  const { payload } = req
  const user = (await payload.findByID({ collection: 'users', id: userId, depth: 0, overrideAccess: true })) as User
  await clearSignInFailures(user.email)
  const sid = await startPayloadSession({ payload, req, userId })
  if (!cookie) {
    const pair = await openTokenSession({ payload, userId, sid, meta: readRequestMeta(req.headers) })
    return Response.json({ user: ownProfile(user), ...pair })
  }
  const collectionConfig = payload.collections.users.config
  const fieldsToSign = getFieldsToSign({ collectionConfig, email: user.email, sid, user: { ...user, collection: 'users' } as never })
  const { exp, token } = await jwtSign({ fieldsToSign, secret: payload.secret, tokenExpiration: collectionConfig.auth.tokenExpiration })
  const setCookie = generatePayloadCookie({ collectionAuthConfig: collectionConfig.auth, cookiePrefix: payload.config.cookiePrefix, token })
  return Response.json({ user: ownProfile(user), exp }, { headers: { 'Set-Cookie': setCookie } })
}
