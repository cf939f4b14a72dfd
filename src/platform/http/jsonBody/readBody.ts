import type { IncomingMessage } from 'node:http'
import { Readable } from 'node:stream'

/**
 * Reads a request body of known length (Content-Length, at most `maxBytes`). Undefined when the
 * length is not known or too large: the body is left untouched. `complete` is false when the
 * client sent less than it announced.
 */
export const readBody = (req: IncomingMessage, maxBytes: number): Promise<{ body: Buffer; complete: boolean } | undefined> => {
  const announced = Number(req.headers['content-length'])
  if (!Number.isSafeInteger(announced) || announced < 0 || announced > maxBytes) return Promise.resolve(undefined)
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      size += chunk.length
    })
    req.once('end', () => resolve({ body: Buffer.concat(chunks), complete: size >= announced }))
    req.once('error', () => resolve({ body: Buffer.concat(chunks), complete: false }))
  })
}

/**
 * The request again, with a body that has not been read: what a handler that reads the body as
 * a fresh stream (Next turns it into a web Request, which refuses a stream already read from)
 * gets after the body was checked. Headers, method, URL and socket are the original's.
 */
export const replayRequest = (req: IncomingMessage, body: Buffer): IncomingMessage =>
  Object.assign(Readable.from(body.length ? [body] : []), {
    headers: req.headers,
    rawHeaders: req.rawHeaders,
    trailers: {},
    rawTrailers: [],
    method: req.method,
    url: req.url,
    httpVersion: req.httpVersion,
    httpVersionMajor: req.httpVersionMajor,
    httpVersionMinor: req.httpVersionMinor,
    socket: req.socket,
    connection: req.socket,
    complete: true,
    aborted: false,
  }) as unknown as IncomingMessage
