import type { PublicRateLimitsConfig } from '@/platform/config'
import type { PublicRateLimitRoute } from '@/platform/http/publicRateLimit'

/** The anime routes anyone may call, limited per client IP in front of everything (server.ts). */
export const animeRateLimitedRoutes = (limits: PublicRateLimitsConfig): PublicRateLimitRoute[] => [
  { name: 'anime-view', methods: ['POST'], path: /^\/api\/anime\/[^/]+\/view\/?$/, rule: limits.view },
  { name: 'anime-search', methods: ['GET'], path: /^\/api\/anime\/(search|suggest)\/?$/, rule: limits.search },
]
