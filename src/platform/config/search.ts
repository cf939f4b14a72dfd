import { parseBoolean, type Env } from './parsers'

export type SearchConfig = {
  /**
   * The server answers GET /api/anime/search and /suggest itself (node:http and a pool of its own)
   * instead of through Next and Payload: the same answers for a fraction of the cost. false:
   * through Payload (the baseline bench:catalog measures beside it).
   */
  fastPath: boolean
}

export const readSearchConfig = (env: Env): SearchConfig => ({
  fastPath: parseBoolean(env, 'SEARCH_FAST_PATH', true),
})
