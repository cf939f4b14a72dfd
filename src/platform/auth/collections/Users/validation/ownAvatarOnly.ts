import type { Validate } from 'payload'

import { hasRole } from '@/platform/auth/roles'

/** A profile may only show an avatar its owner uploaded (admins may assign any). */
export const ownAvatarOnly: Validate = async (value, { req, id }) => {
  if (value === null || value === undefined || !req.user || hasRole(req.user, 'admin')) return true
  const avatarId = typeof value === 'object' ? (value as { id?: number | string }).id : value
  const avatar = await req.payload
    .findByID({ collection: 'avatars', id: avatarId as number | string, depth: 0, req, disableErrors: true })
    .catch(() => null)
  if (!avatar) return 'No such avatar.'
  const owner = typeof avatar.owner === 'object' && avatar.owner ? avatar.owner.id : avatar.owner
  return owner !== undefined && owner !== null && String(owner) === String(id ?? req.user.id)
    ? true
    : 'You can only use an avatar you uploaded.'
}
