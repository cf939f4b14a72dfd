/**
 * The physical limit of a cache hit, for bench:cache: a bare node:http server answering each GET
 * with one Redis GET of the bytes stored under BENCH_KEY_PREFIX + the request's path and query (the
 * bench stores there the very bytes our server's cache replays for that path), with the same
 * client our server uses (ioredis). Nothing else: no request id, log line, metrics, header copy.
 * 404 when nothing is stored. Run as a child process with REDIS_URL, BENCH_KEY_PREFIX and PORT set.
 */
import { createServer } from 'node:http'
import { Redis } from 'ioredis'

const prefix = process.env.BENCH_KEY_PREFIX ?? 'bench:limit:'
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { connectionName: 'bench-limit-server' })

const server = createServer((req, res) => {
  redis.getBuffer(`${prefix}${req.url ?? '/'}`).then(
    (body) => {
      if (!body) {
        res.writeHead(404, { 'content-length': 0 })
        res.end()
        return
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length })
      res.end(body)
    },
    (error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(String(error))
    },
  )
})

server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('{"msg":"ready"}\n'))
process.on('SIGTERM', () => {
  server.close()
  redis.disconnect()
  process.exit(0)
})
