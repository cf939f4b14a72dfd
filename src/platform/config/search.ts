import { parseBoolean, type Env } from './parsers'

export type SearchConfig = {
  /**
   * The server answers GET /api/anime/search and /suggest itself (node:http and a pool of its own)
   * instead of through Next and Payload: the same answers for a fraction of the cost. false:
   * through Payload (the baseline bench:catalog measures beside it).
   */
  fastPath: boolean
  /**
   * The fast path answers relevance searches and suggestions from an in-process index of the
   * published titles (src/domains/anime/search/memory), falling back to the SQL until it is built.
   * false (the default for now: ~210 MB of heap at 100k titles, see docs/benchmarks.md): the SQL
   * for every search, as before. Only with the fast path.
   */
  index: boolean
}

export const readSearchConfig = (env: Env): SearchConfig => ({
  fastPath: parseBoolean(env, 'SEARCH_FAST_PATH', true),
  index: parseBoolean(env, 'SEARCH_INDEX', false),
})
