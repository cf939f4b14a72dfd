import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { getMetrics } from '@/platform/observability/metrics/registry'

/** The dashboard queries only metrics that /metrics exposes (a renamed metric breaks it silently). */

type Panel = { targets?: { expr?: string }[]; panels?: Panel[] }

const dashboard = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'deploy/grafana/kitsu-frankenjet.json'), 'utf8')) as {
  panels: Panel[]
}

const expressions = (panels: Panel[]): string[] =>
  panels.flatMap((panel) => [...(panel.targets ?? []).map((target) => target.expr ?? ''), ...expressions(panel.panels ?? [])])

/**
 * Series names in a PromQL expression: identifiers followed by a selector `{`, a range `[`, a `)`
 * or nothing, once label lists (`by (…)`, `without (…)`) and selector contents are taken out.
 */
const seriesIn = (expr: string): string[] =>
  [
    ...expr
      .replace(/\b(by|without)\s*\([^)]*\)/g, '')
      .replace(/\{[^}]*\}/g, '{}')
      .matchAll(/\b([a-z][a-z0-9_]*)\s*(?=\{|\[|\)|$)/g),
  ]
    .map((match) => match[1]!)
    .filter((name) => name.includes('_') && !['histogram_quantile', 'label_replace'].includes(name))

describe('Grafana dashboard', () => {
  it('queries only metric families that /metrics exposes', async () => {
    const exposition = await getMetrics().registry.metrics()
    const families = new Set([...exposition.matchAll(/^# TYPE (\S+) (\w+)/gm)].map((match) => match[1]!))
    const queried = new Set(expressions(dashboard.panels).flatMap(seriesIn))
    expect(queried.size).toBeGreaterThan(8)
    const family = (series: string) => series.replace(/_(bucket|count|sum)$/, '')
    expect([...queried].filter((series) => !families.has(series) && !families.has(family(series)))).toEqual([])
  })
})
