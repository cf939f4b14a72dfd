import fs from 'node:fs'
import path from 'node:path'

/** How often to look again while the build has not listed its routes yet (`next dev` compiles lazily). */
const RETRY_MS = 5_000

/**
 * Next's app routes (`/health`, `/admin/[[...segments]]`, `/api/[...slug]`, ...) as the build lists
 * them in `.next/app-path-routes-manifest.json`: new routes appear in the label set without
 * anyone editing a list. A build's list is read once; `next dev` adds routes as it compiles them,
 * so there (`settled: false`) and while the list is missing it is read again every few seconds.
 */
export const nextRoutesReader = (distDir: string, { settled }: { settled: boolean }): (() => readonly string[]) => {
  // `next build` writes it at the top of the dist dir; `next dev` (16) under dev/.
  const manifests = [path.join(distDir, 'app-path-routes-manifest.json'), path.join(distDir, 'dev', 'app-path-routes-manifest.json')]
  let routes: readonly string[] = []
  let readAt = 0
  return () => {
    if ((settled && routes.length > 0) || Date.now() - readAt < RETRY_MS) return routes
    readAt = Date.now()
    for (const manifest of manifests) {
      try {
        const listed = [...new Set(Object.values(JSON.parse(fs.readFileSync(manifest, 'utf8')) as Record<string, string>))]
        // The same list keeps its identity: the templater recompiles only on a change.
        if (listed.join('\n') !== routes.join('\n')) routes = listed
        if (routes.length > 0) break
      } catch {
        // Not there (yet): try the next place.
      }
    }
    return routes
  }
}
