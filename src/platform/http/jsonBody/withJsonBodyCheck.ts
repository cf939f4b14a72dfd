import type { IncomingMessage, ServerResponse } from 'node:http'

import { refusalBody } from '../readParams/problems'
import { readBody, replayRequest } from './readBody'

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void>

/** GraphQL documents are small; a larger JSON body is left to the handler as it is. */
const MAX_CHECKED_BYTES = 1024 * 1024

const isJsonPost = (req: IncomingMessage, paths: readonly string[]): boolean => {
  if (req.method !== 'POST') return false
  const path = (req.url ?? '').split('?', 1)[0]!
  const [mediaType] = String(req.headers['content-type'] ?? '').split(';', 1)
  return paths.includes(path) && mediaType!.trim().toLowerCase() === 'application/json'
}

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/**
 * Payload's GraphQL route parses a JSON body outside its error handling, so a body that is not
 * JSON became a 500 with no body: it is refused here with 400 naming `body`, before Next runs.
 */
export const withJsonBodyCheck =
  (handle: Handle, paths: readonly string[]): Handle =>
  async (req, res) => {
    if (!isJsonPost(req, paths)) return handle(req, res)
    const read = await readBody(req, MAX_CHECKED_BYTES)
    if (!read) return handle(req, res)
    if (read.complete && (read.body.length === 0 || isJson(read.body.toString('utf8')))) return handle(replayRequest(req, read.body), res)
    const message = read.complete ? 'The request body is not valid JSON.' : 'The request body is shorter than its Content-Length.'
    res.writeHead(400, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify(refusalBody([{ field: 'body', message }])))
  }
