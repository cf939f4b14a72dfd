import type { Endpoint, PayloadRequest } from 'payload'

import { getAppConfig } from '../../config'
import type { User } from '@/payload-types'
import { ownProfile } from '../endpoints/publicUser'
import { answeringKnownErrors, errorResponse, handleKnownErrors, readJsonObject, unauthorized } from '../endpoints/responses'
import { accountForIdentity, IdentityLinkedElsewhere, linkIdentity, type ProviderIdentity } from '../identities/accountForIdentity'
import { telegramLinkDocumentation, telegramSignInDocumentation } from '../identities/documentation'
import { issueTokens } from '../identities/issueTokens'
import { verifyTelegramLogin } from './verifyTelegramLogin'

const notEnabled = () => errorResponse(404, 'Telegram sign-in is not enabled on this server.')

/** The verified identity of a widget payload, or the 4xx to answer. */
const telegramIdentity = async (req: PayloadRequest): Promise<ProviderIdentity | Response> => {
  const telegram = getAppConfig().identity.telegram
  if (!telegram) return notEnabled()
  const body = await readJsonObject(req)
  if (!body) return errorResponse(400, 'expected the Telegram login widget data as a JSON object', 'body')
  const verified = verifyTelegramLogin(body, telegram)
  if ('status' in verified) return errorResponse(verified.status, verified.message, verified.field)
  const name = [verified.firstName, verified.lastName].filter(Boolean).join(' ').trim() || verified.username
  // Telegram shares no email: the identity is the Telegram user id alone.
  return { provider: 'telegram', subject: verified.id, verifiedEmail: null, name: name ? name.slice(0, 120) : null }
}

/** POST /api/auth/telegram {widget data} -> 200 with the user and a token pair; forged or stale -> 401. */
export const telegramSignInEndpoint: Endpoint = {
  path: '/auth/telegram',
  method: 'post',
  custom: { openapi: telegramSignInDocumentation },
  handler: answeringKnownErrors(async (req) => {
    const identity = await telegramIdentity(req)
    if (identity instanceof Response) return identity
    const { user, created } = await accountForIdentity(req, identity)
    const pair = await issueTokens(req, user)
    // A second factor due: the challenge alone, as the password sign-in answers it.
    if ('challenge' in pair) return Response.json(pair, { status: 200, headers: { 'Cache-Control': 'no-store' } })
    return Response.json(
      { user: ownProfile(user as User), ...pair },
      { status: created ? 201 : 200, headers: { 'Cache-Control': 'no-store' } },
    )
  }),
}

/** POST /api/auth/identities/telegram {widget data} (Bearer) -> 201, the Telegram account linked to the caller. */
export const telegramLinkEndpoint: Endpoint = {
  path: '/auth/identities/telegram',
  method: 'post',
  custom: { openapi: telegramLinkDocumentation },
  handler: async (req) => {
    if (!getAppConfig().identity.telegram) return notEnabled()
    if (!req.user) return unauthorized()
    try {
      const identity = await telegramIdentity(req)
      if (identity instanceof Response) return identity
      const linked = await linkIdentity(req, Number(req.user.id), identity)
      return Response.json(
        { provider: linked.provider, displayName: linked.displayName ?? null, linkedAt: linked.createdAt },
        { status: 201 },
      )
    } catch (error) {
      if (error instanceof IdentityLinkedElsewhere) return errorResponse(409, error.message, 'id')
      return handleKnownErrors(req, error)
    }
  },
}
