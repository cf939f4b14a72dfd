import type { PayloadRequest } from 'payload'

import type { AuthIdentity } from '@/payload-types'
import { passwordFingerprint, storedPasswordHash } from './accountForIdentity'

export const identitiesOf = async (req: PayloadRequest, userId: number): Promise<AuthIdentity[]> =>
  (
    await req.payload.find({
      collection: 'auth-identities',
      where: { user: { equals: userId } },
      sort: 'createdAt',
      limit: 100,
      depth: 0,
      overrideAccess: true,
      req,
    })
  ).docs

/**
 * Whether the account has a password its owner knows: every account has a hash, but one created by
 * a provider got a random password; it counts once it has been replaced (a reset or a change).
 */
export const hasUsablePassword = async (req: PayloadRequest, userId: number, identities: AuthIdentity[]): Promise<boolean> => {
  const creator = identities.find((identity) => identity.createdPasswordFingerprint)
  if (!creator) return true
  return passwordFingerprint(await storedPasswordHash(req, userId)) !== creator.createdPasswordFingerprint
}
