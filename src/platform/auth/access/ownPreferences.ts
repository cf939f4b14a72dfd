import type { Access, Where } from 'payload'

/** Admin-panel preferences (column choices, collapsed groups): each account its own, as Payload has it. */
export const ownPreferences: Access = ({ req: { user } }) => {
  if (!user) return false
  const own: Where[] = [{ 'user.value': { equals: user.id } }, { 'user.relationTo': { equals: user.collection } }]
  return { and: own }
}
