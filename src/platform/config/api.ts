import { parseInteger, type Env } from './parsers'

export type ApiConfig = {
  /** Largest `limit` a REST or GraphQL read gets; bigger (and `pagination=false`) are clamped to it. */
  maxLimit: number
  /** Deepest relationship population a read gets; deeper `depth` is clamped to it. */
  maxDepth: number
}

export const readApiConfig = (env: Env): ApiConfig => ({
  maxLimit: parseInteger(env, 'API_MAX_LIMIT', 100, { min: 1, max: 10_000 }),
  // Payload's default depth is 2 and the admin panel asks for at most 2: 3 leaves headroom.
  maxDepth: parseInteger(env, 'API_MAX_DEPTH', 3, { min: 0, max: 10 }),
})
