import type { IncomingMessage } from 'node:http'

/**
 * Reads a request body of known length (Content-Length, at most `maxBytes`) and puts it back, so
 * that whoever handles the request next still reads all of it. Undefined when the length is not
 * known or too large (the body is left untouched), or when the client sent less than it announced
 * (then the body is gone: answer the request yourself).
 */
export const readBodyAhead = (req: IncomingMessage, maxBytes: number): Promise<{ body: Buffer; complete: boolean } | undefined> => {
  const announced = Number(req.headers['content-length'])
  if (!Number.isSafeInteger(announced) || announced < 0 || announced > maxBytes) return Promise.resolve(undefined)
  if (announced === 0) return Promise.resolve({ body: Buffer.alloc(0), complete: true })
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const finish = (result: { body: Buffer; complete: boolean }) => {
      req.off('readable', onReadable)
      req.off('end', onEnd)
      req.off('error', onEnd)
      resolve(result)
    }
    const onReadable = () => {
      let chunk: Buffer | null
      while (size < announced && (chunk = req.read() as Buffer | null) !== null) {
        chunks.push(chunk)
        size += chunk.length
      }
      if (size < announced) return
      const body = Buffer.concat(chunks)
      // Back in front of the stream before its 'end' is due: the next reader gets the whole body.
      req.unshift(body)
      finish({ body, complete: true })
    }
    const onEnd = () => finish({ body: Buffer.concat(chunks), complete: false })
    req.on('readable', onReadable)
    req.once('end', onEnd)
    req.once('error', onEnd)
  })
}
