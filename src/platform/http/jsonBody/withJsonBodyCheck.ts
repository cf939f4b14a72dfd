import type { IncomingMessage, ServerResponse } from 'node:http'

import { refusalBody } from '../readParams/problems'
import { readBody, replayRequest } from './readBody'

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void>

/** GraphQL documents are small; a larger JSON body is left to the handler as it is. */
const MAX_CHECKED_BYTES = 1024 * 1024

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT'])

/** What a JSON body must be: any JSON for GraphQL, an object for every other API write. */
type BodyRule = 'json' | 'object'

const bodyRuleOf = (req: IncomingMessage, graphqlPaths: readonly string[]): BodyRule | undefined => {
  if (!WRITE_METHODS.has(req.method ?? '')) return undefined
  const [mediaType] = String(req.headers['content-type'] ?? '').split(';', 1)
  if (mediaType!.trim().toLowerCase() !== 'application/json') return undefined
  const path = (req.url ?? '').split('?', 1)[0]!
  if (graphqlPaths.includes(path)) return req.method === 'POST' ? 'json' : undefined
  return path.startsWith('/api/') ? 'object' : undefined
}

const bodyProblem = (text: string, rule: BodyRule): string | undefined => {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return 'The request body is not valid JSON.'
  }
  if (rule === 'object' && (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))) {
    return 'The request body must be a JSON object, e.g. {"title": "…"}.'
  }
  return undefined
}

/**
 * Payload's GraphQL route parses a JSON body outside its error handling, so a body that is not
 * JSON became a 500 with no body; its REST writes answered 500 to a JSON body that is not an
 * object (a list, a string, null). Both are refused here with 400 naming `body`, before Next runs.
 */
export const withJsonBodyCheck =
  (handle: Handle, graphqlPaths: readonly string[]): Handle =>
  async (req, res) => {
    const rule = bodyRuleOf(req, graphqlPaths)
    if (!rule) return handle(req, res)
    const read = await readBody(req, MAX_CHECKED_BYTES)
    if (!read) return handle(req, res)
    const problem = read.complete
      ? read.body.length === 0
        ? undefined
        : bodyProblem(read.body.toString('utf8'), rule)
      : 'The request body is shorter than its Content-Length.'
    if (!problem) return handle(replayRequest(req, read.body), res)
    const message = problem
    res.writeHead(400, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify(refusalBody([{ field: 'body', message }])))
  }
