import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { nextRoutesReader } from '@/platform/observability/metrics/nextRoutes'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'next-routes-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe("Next's route list", () => {
  it('comes from the build manifest, deduplicated', () => {
    fs.writeFileSync(
      path.join(dir, 'app-path-routes-manifest.json'),
      JSON.stringify({
        '/health/route': '/health',
        '/(payload)/admin/[[...segments]]/page': '/admin/[[...segments]]',
        '/x/page': '/health',
      }),
    )
    const routes = nextRoutesReader(dir, { settled: true })()
    expect([...routes].sort()).toEqual(['/admin/[[...segments]]', '/health'])
  })

  it('is empty, not an error, without a build', () => {
    expect(nextRoutesReader(path.join(dir, 'missing'), { settled: true })()).toEqual([])
  })
})
