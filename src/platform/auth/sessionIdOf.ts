/** The session a request's user signed in with (Payload sets `_sid` on the user when useSessions is on). */
export const sessionIdOfUser = (user: object | null | undefined): string | undefined => {
  const sid = (user as { _sid?: unknown } | null | undefined)?._sid
  return typeof sid === 'string' ? sid : undefined
}
