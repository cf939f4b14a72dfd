import config from '@payload-config'
import { getPayload } from 'payload'

import { getSharedRedis } from '@/platform/cache/redisClient'
import { redisConnectionsDown } from '@/platform/cache/watchRedisConnection'
import { buildHealthReport } from '@/platform/observability/health'

export const dynamic = 'force-dynamic'

/**
 * Liveness and readiness in one: 200 while the database answers, 503 when it does not. A Redis
 * outage is "degraded" with 200: the service works without it (uncached, one-instance fan-out).
 */
export const GET = async (): Promise<Response> => {
  const redis = getSharedRedis()
  const report = await buildHealthReport(
    () => getPayload({ config }),
    redis ? { client: redis, connectionsDown: redisConnectionsDown } : undefined,
  )
  return Response.json(report, {
    status: report.status === 'error' ? 503 : 200,
    headers: { 'Cache-Control': 'no-store' },
  })
}
