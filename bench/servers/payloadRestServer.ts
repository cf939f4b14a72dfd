/**
 * Payload's REST API without Next: a bare node:http server handing each request to Payload's own
 * `handleEndpoints` (what the Next route `REST_GET` calls), so the Next route layer is out of the
 * picture. BENCH_MODE=project uses payload.config.ts as it is; BENCH_MODE=stock uses the same
 * collections and schema with everything of ours that can run on a read stripped: collection and
 * field hooks of anime and genres, custom auth strategies (Payload's local-jwt stays), and our
 * access functions replaced by the stock pattern "anyone reads published". Run as a child
 * process by bench/catalog.ts with DATABASE_URL, SECRET_KEY and PORT set.
 */
import { createServer } from 'node:http'
import { Readable } from 'node:stream'
import { getPayload, handleEndpoints, type Field, type SanitizedConfig } from 'payload'

const mode = process.env.BENCH_MODE === 'stock' ? 'stock' : 'project'

const stripFieldHooks = (fields: readonly Field[] | undefined): void => {
  for (const field of fields ?? []) {
    if ('hooks' in field && field.hooks) field.hooks = {}
    if ('fields' in field) stripFieldHooks(field.fields)
    if ('tabs' in field) field.tabs.forEach((tab) => stripFieldHooks(tab.fields))
  }
}

const toStock = (config: SanitizedConfig): void => {
  for (const collection of config.collections) {
    if (collection.auth) collection.auth.strategies = []
    if (collection.slug !== 'anime' && collection.slug !== 'genres') continue
    for (const key of Object.keys(collection.hooks) as (keyof typeof collection.hooks)[]) {
      ;(collection.hooks as Record<string, unknown[]>)[key] = []
    }
    stripFieldHooks(collection.fields)
    stripFieldHooks(collection.flattenedFields as unknown as Field[])
    collection.access.read = collection.slug === 'anime' ? () => ({ _status: { equals: 'published' } }) : () => true
  }
}

const main = async () => {
  const config = await (await import('../../payload.config')).default
  if (mode === 'stock') toStock(config)
  await getPayload({ config })
  const server = createServer((req, res) => {
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
    // A body (e.g. registering the bench's staff account) is streamed through as it is.
    const request = new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`), {
      method: req.method,
      headers: req.headers as Record<string, string>,
      ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
    } as RequestInit)
    handleEndpoints({ config, request })
      .then(async (response) => {
        const body = Buffer.from(await response.arrayBuffer())
        res.writeHead(response.status, Object.fromEntries(response.headers))
        res.end(body)
      })
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' })
        res.end(String(error))
      })
  })
  server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write(`{"msg":"ready","mode":"${mode}"}\n`))
  process.on('SIGTERM', () => {
    server.close()
    process.exit(0)
  })
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
