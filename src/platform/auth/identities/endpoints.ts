import type { Endpoint } from 'payload'

import { errorResponse, unauthorized } from '../endpoints/responses'
import { IDENTITY_PROVIDERS, type IdentityProvider } from './AuthIdentities'
import { listIdentitiesDocumentation, unlinkIdentityDocumentation } from './documentation'
import { hasUsablePassword, identitiesOf } from './signInMethods'

/** GET /api/auth/identities (Bearer) -> the caller's linked providers and whether a password works. */
export const listIdentitiesEndpoint: Endpoint = {
  path: '/auth/identities',
  method: 'get',
  custom: { openapi: listIdentitiesDocumentation },
  handler: async (req) => {
    if (!req.user) return unauthorized()
    const userId = Number(req.user.id)
    const identities = await identitiesOf(req, userId)
    return Response.json(
      {
        password: await hasUsablePassword(req, userId, identities),
        identities: identities.map((identity) => ({
          provider: identity.provider,
          displayName: identity.displayName ?? null,
          email: identity.email ?? null,
          linkedAt: identity.createdAt,
          lastSignInAt: identity.lastSignInAt ?? null,
        })),
      },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  },
}

const isProvider = (value: unknown): value is IdentityProvider => IDENTITY_PROVIDERS.includes(value as IdentityProvider)

/**
 * DELETE /api/auth/identities/:provider (Bearer) -> 204, the provider unlinked; 409 when it is the
 * last way into the account (no password its owner knows, no other provider).
 */
export const unlinkIdentityEndpoint: Endpoint = {
  path: '/auth/identities/:provider',
  method: 'delete',
  custom: { openapi: unlinkIdentityDocumentation },
  handler: async (req) => {
    if (!req.user) return unauthorized()
    const provider = req.routeParams?.provider
    if (!isProvider(provider)) return errorResponse(400, `provider must be one of ${IDENTITY_PROVIDERS.join(', ')}`, 'provider')
    const userId = Number(req.user.id)
    const identities = await identitiesOf(req, userId)
    const removed = identities.filter((identity) => identity.provider === provider)
    if (removed.length === 0) return errorResponse(404, `No ${provider} account is linked to yours.`, 'provider')
    const remaining = identities.filter((identity) => identity.provider !== provider)
    if (remaining.length === 0 && !(await hasUsablePassword(req, userId, identities))) {
      return errorResponse(
        409,
        `${provider} is the only way to sign in to this account: set a password or link another provider before unlinking it.`,
        'provider',
      )
    }
    // The fingerprint of the account's random first password must outlive the identity that made it.
    const fingerprint = removed.find((identity) => identity.createdPasswordFingerprint)?.createdPasswordFingerprint
    if (fingerprint && remaining[0]) {
      await req.payload.update({
        collection: 'auth-identities',
        id: remaining[0].id,
        data: { createdPasswordFingerprint: fingerprint },
        overrideAccess: true,
        req,
      })
    }
    await req.payload.delete({
      collection: 'auth-identities',
      where: { and: [{ user: { equals: userId } }, { provider: { equals: provider } }] },
      overrideAccess: true,
      req,
    })
    return new Response(null, { status: 204 })
  },
}
