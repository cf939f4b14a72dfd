import type { IncomingMessage, ServerResponse } from 'node:http'

import type { RateLimiterAbstract } from 'rate-limiter-flexible'

// The files themselves, not the auth barrel: server.ts loads this, and the barrel would load Payload.
import { createLimiter, secondsToWaitAfter } from '../auth/rateLimit/createLimiter'
import { clientIpOf } from '../auth/requestMeta'
import { coalesceWrites } from '../cache/coalesceWrites'
import { databaseScope } from '../cache/databaseScope'
import { getSharedRedis } from '../cache/redisClient'
import type { RateLimitRule } from '../config'
import type { Step } from './pipeline'

/** A public route limited per client IP: which requests it covers, and how many per window. */
export type PublicRateLimitRoute = { name: string; methods: string[]; path: RegExp; rule: RateLimitRule }

/** The route a request falls under, if any. */
export const matchPublicRoute = <T extends Pick<PublicRateLimitRoute, 'methods' | 'path'>>(
  routes: T[],
  method: string | undefined,
  url: string | undefined,
): T | undefined => {
  const pathname = (url ?? '').split('?')[0]
  return routes.find((route) => route.methods.includes(method ?? 'GET') && route.path.test(pathname))
}

type Next = () => void

/**
 * The per-IP limit on public routes anyone may call (search, view counting, GraphQL), in front of
 * the response cache and of Payload: past the limit, 429 with Retry-After; otherwise `next()`.
 * Counters live in Redis when it is configured (every instance shares them), keyed by database.
 */
export const createPublicRateLimit = (routes: PublicRateLimitRoute[]) => {
  let limiters: Map<string, RateLimiterAbstract> | undefined
  const limiterFor = (route: PublicRateLimitRoute): RateLimiterAbstract => {
    limiters ??= new Map()
    let limiter = limiters.get(route.name)
    if (!limiter) {
      limiter = createLimiter(route.rule, `rl:${databaseScope()}:public:${route.name}`)
      limiters.set(route.name, limiter)
    }
    return limiter
  }

  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const route = matchPublicRoute(routes, req.method, req.url)
    if (!route) {
      next()
      return
    }
    const ip = clientIpOf(req.socket.remoteAddress, req.headers['x-forwarded-for'])
    const redis = getSharedRedis()
    // A public route's check is on the path of every search: batched with this turn's other commands.
    if (redis) coalesceWrites(redis)
    secondsToWaitAfter(limiterFor(route), ip).then(
      (wait) => {
        if (wait === 0) {
          next()
          return
        }
        res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': String(wait) })
        res.end(JSON.stringify({ errors: [{ message: 'Too many requests. Try again later.' }] }))
      },
      // The limiter's store failed beyond its in-process fallback: serve rather than refuse.
      () => next(),
    )
  }
}

/** createPublicRateLimit as a step of the request pipeline. */
export const publicRateLimitStep = (routes: PublicRateLimitRoute[]): Step => {
  const limit = createPublicRateLimit(routes)
  return (next) => (req, res) => limit(req, res, () => void next(req, res))
}

/** Payload's GraphQL endpoint (queries and mutations alike). */
export const graphqlRateLimitedRoute = (rule: RateLimitRule): PublicRateLimitRoute => ({
  name: 'graphql',
  methods: ['GET', 'POST'],
  path: /^\/api\/graphql\/?$/,
  rule,
})
