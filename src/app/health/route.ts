import config from '@payload-config'
import { getPayload } from 'payload'

import { buildHealthReport } from '@/platform/observability/health'

export const dynamic = 'force-dynamic'

/** Liveness and readiness in one: 200 while the database answers, 503 when it does not. */
export const GET = async (): Promise<Response> => {
  const report = await buildHealthReport(() => getPayload({ config }))
  return Response.json(report, {
    status: report.status === 'error' ? 503 : 200,
    headers: { 'Cache-Control': 'no-store' },
  })
}
