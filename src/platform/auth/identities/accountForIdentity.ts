import { createHash, randomBytes } from 'node:crypto'

import { type PayloadRequest, ValidationError } from 'payload'

import type { AuthIdentity, User } from '@/payload-types'
import type { IdentityProvider } from './AuthIdentities'

/** What a provider told us about the account that signed in. */
export type ProviderIdentity = {
  provider: IdentityProvider
  /** The provider's stable account id. */
  subject: string
  /** Set only when the provider vouches that this address belongs to the account. */
  verifiedEmail: string | null
  name: string | null
}

/** An identity already linked to another account; linking it again is refused (409). */
export class IdentityLinkedElsewhere extends Error {
  constructor(readonly provider: IdentityProvider) {
    super(`This ${provider} account is already linked to another account.`)
  }
}

/** SHA-256 of a password hash: compared later to tell whether the random first password was ever replaced. */
export const passwordFingerprint = (hash: string | null | undefined): string | null =>
  hash ? createHash('sha256').update(hash).digest('hex') : null

/** Addresses under the reserved `.invalid` TLD (RFC 2606) can never receive mail or collide with a real one. */
const placeholderEmail = ({ provider, subject }: ProviderIdentity): string =>
  `${provider}-${createHash('sha256').update(subject).digest('hex').slice(0, 24)}@users.invalid`

export const findIdentity = async (req: PayloadRequest, provider: IdentityProvider, subject: string): Promise<AuthIdentity | undefined> => {
  const found = await req.payload.find({
    collection: 'auth-identities',
    where: { and: [{ provider: { equals: provider } }, { subject: { equals: subject } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return found.docs[0]
}

const findUserByEmail = async (req: PayloadRequest, email: string): Promise<User | undefined> => {
  const found = await req.payload.find({
    collection: 'users',
    where: { email: { equals: email } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return found.docs[0]
}

/** The stored password hash of a user (a hidden field). */
export const storedPasswordHash = async (req: PayloadRequest, userId: number | string): Promise<string | null> => {
  const user = (await req.payload.db.findOne({ collection: 'users', req, where: { id: { equals: userId } } })) as { hash?: string } | null
  return user?.hash ?? null
}

const recordIdentity = async (
  req: PayloadRequest,
  userId: number,
  identity: ProviderIdentity,
  createdPasswordFingerprint: string | null = null,
): Promise<AuthIdentity> => {
  try {
    return await req.payload.create({
      collection: 'auth-identities',
      data: {
        user: userId,
        provider: identity.provider,
        subject: identity.subject,
        email: identity.verifiedEmail,
        displayName: identity.name,
        createdPasswordFingerprint,
        lastSignInAt: new Date().toISOString(),
      },
      overrideAccess: true,
      req,
    })
  } catch (error) {
    // Two callbacks racing for one identity: the unique (provider, subject) index decides.
    const existing = await findIdentity(req, identity.provider, identity.subject)
    if (existing) {
      const owner = typeof existing.user === 'object' ? existing.user.id : existing.user
      if (owner !== userId) throw new IdentityLinkedElsewhere(identity.provider)
      return existing
    }
    throw error
  }
}

const createAccount = async (req: PayloadRequest, identity: ProviderIdentity, email: string): Promise<User> =>
  req.payload.create({
    collection: 'users',
    // A long random password nobody ever sees: the account is entered through the provider.
    data: { email, name: identity.name, password: randomBytes(48).toString('base64url'), roles: ['user'] },
    overrideAccess: true,
    req,
    // The very first account must not become admin just because it came through a provider.
    context: { skipFirstUserAdmin: true },
  })

/**
 * The account an identity signs in to:
 *  1. the account it is already linked to;
 *  2. else, with an email the provider verified, the account with that email (linked now);
 *  3. else a new account of its own: with the verified email, or (no email, or an unverified one
 *     already taken) a placeholder address, so it is entered only through this provider.
 */
export const accountForIdentity = async (req: PayloadRequest, identity: ProviderIdentity): Promise<{ user: User; created: boolean }> => {
  const linked = await findIdentity(req, identity.provider, identity.subject)
  if (linked) {
    const userId = typeof linked.user === 'object' ? linked.user.id : linked.user
    await req.payload.update({
      collection: 'auth-identities',
      id: linked.id,
      data: { lastSignInAt: new Date().toISOString() },
      overrideAccess: true,
      req,
    })
    return { user: await req.payload.findByID({ collection: 'users', id: userId, depth: 0, overrideAccess: true, req }), created: false }
  }
  if (identity.verifiedEmail) {
    const existing = await findUserByEmail(req, identity.verifiedEmail)
    if (existing) {
      await recordIdentity(req, existing.id, identity)
      return { user: existing, created: false }
    }
  }
  let user: User
  try {
    user = await createAccount(req, identity, identity.verifiedEmail ?? placeholderEmail(identity))
  } catch (error) {
    // The verified email was taken meanwhile (a racing sign-in): link to the winner.
    if (identity.verifiedEmail && error instanceof ValidationError && error.data.errors.some((e) => e.path === 'email')) {
      const winner = await findUserByEmail(req, identity.verifiedEmail)
      if (winner) {
        await recordIdentity(req, winner.id, identity)
        return { user: winner, created: false }
      }
    }
    throw error
  }
  await recordIdentity(req, user.id, identity, passwordFingerprint(await storedPasswordHash(req, user.id)))
  return { user, created: true }
}

/** Links an identity to a signed-in user (from their profile); refused when it belongs to someone else. */
export const linkIdentity = async (req: PayloadRequest, userId: number, identity: ProviderIdentity): Promise<AuthIdentity> => {
  const existing = await findIdentity(req, identity.provider, identity.subject)
  if (existing) {
    const owner = typeof existing.user === 'object' ? existing.user.id : existing.user
    if (owner !== userId) throw new IdentityLinkedElsewhere(identity.provider)
    return existing
  }
  return recordIdentity(req, userId, identity)
}
