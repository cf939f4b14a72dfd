/** A response as the cache keeps it: what is needed to send it again, byte for byte. */
export type CachedResponse = {
  status: number
  headers: Record<string, string | string[]>
  body: Buffer
}

/**
 * One buffer: a 4-byte length, the status and headers as JSON, then the body as it was sent
 * (possibly gzip): no base64, no re-encoding on the hot path.
 */
export const encodeCachedResponse = ({ status, headers, body }: CachedResponse): Buffer => {
  const head = Buffer.from(JSON.stringify({ status, headers }))
  const length = Buffer.alloc(4)
  length.writeUInt32BE(head.length)
  return Buffer.concat([length, head, body])
}

export const decodeCachedResponse = (buffer: Buffer): CachedResponse | null => {
  if (buffer.length < 4) return null
  const headLength = buffer.readUInt32BE(0)
  if (buffer.length < 4 + headLength) return null
  try {
    const { status, headers } = JSON.parse(buffer.subarray(4, 4 + headLength).toString()) as Partial<Omit<CachedResponse, 'body'>>
    // Not one of ours: computed again (and replaced) rather than sent.
    if (typeof status !== 'number' || typeof headers !== 'object' || headers === null) return null
    return { status, headers, body: buffer.subarray(4 + headLength) }
  } catch {
    return null
  }
}
