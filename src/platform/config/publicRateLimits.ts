import type { RateLimitRule } from './identity'
import { type Env, parseInteger } from './parsers'

/** Per-client-IP limits on public endpoints anyone may call without signing in. */
export type PublicRateLimitsConfig = {
  /** POST /api/anime/:id/view. */
  view: RateLimitRule
  /** GET /api/anime/search and /api/anime/suggest. */
  search: RateLimitRule
  /** /api/graphql. */
  graphql: RateLimitRule
  /** GET /api/realtime (opening an event stream, reconnects included). */
  realtime: RateLimitRule
}

export const readPublicRateLimitsConfig = (env: Env): PublicRateLimitsConfig => {
  const durationSeconds = parseInteger(env, 'RATE_LIMIT_PUBLIC_WINDOW_SECONDS', 60, { min: 1, max: 86_400 })
  const points = (name: string, fallback: number) => parseInteger(env, name, fallback, { min: 1, max: 1_000_000 })
  return {
    view: { points: points('RATE_LIMIT_VIEW_PER_IP', 120), durationSeconds },
    search: { points: points('RATE_LIMIT_SEARCH_PER_IP', 300), durationSeconds },
    graphql: { points: points('RATE_LIMIT_GRAPHQL_PER_IP', 300), durationSeconds },
    realtime: { points: points('RATE_LIMIT_REALTIME_PER_IP', 120), durationSeconds },
  }
}
