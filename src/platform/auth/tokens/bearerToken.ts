/** The token of an `Authorization: Bearer <token>` (or Payload's `JWT <token>`) header, if any. */
export const readBearerToken = (authorization: string | null | undefined): string | undefined => {
  if (!authorization) return undefined
  const match = /^(Bearer|JWT)\s+(\S+)\s*$/i.exec(authorization)
  return match ? match[2] : undefined
}
