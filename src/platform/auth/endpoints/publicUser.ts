import type { User } from '@/payload-types'

/** What the token endpoints return about the signed-in user: their own profile, nothing secret. */
export const ownProfile = (user: User) => ({
  id: user.id,
  email: user.email,
  name: user.name ?? null,
  roles: user.roles ?? [],
  avatar: user.avatar ?? null,
  bio: user.bio ?? null,
  createdAt: user.createdAt,
  updatedAt: user.updatedAt,
})
