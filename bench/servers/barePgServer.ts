/**
 * The ceiling for `GET /api/anime?limit=20&depth=1&sort=-score` (and, for bench:cache,
 * `GET /api/anime/:id?depth=1`, the same document alone, and `GET /api/articles/:id?depth=1`, see
 * articleSql.ts): a bare node:http server and a
 * node-postgres pool (10 connections, as Payload's default) running the equivalent SQL: the 20
 * published anime with the highest score, with their alternative titles and their genres as full
 * documents (depth=1), plus the total count Payload's pagination needs, ordered as Payload orders
 * `sort=-score` (score desc, then its createdAt fallback). Same JSON shape as Payload.
 * Run as a child process by bench/catalog.ts: DATABASE_URL and PORT from the environment.
 */
import { createServer, type ServerResponse } from 'node:http'
import pg from 'pg'

import { ARTICLE_SQL } from '../lib/articleSql'
import { COUNT_SQL, DETAIL_SQL, PAGE_SQL } from '../lib/catalogSql'

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 })
const LIMIT = 20

const sendJson = (res: ServerResponse, status: number, value: unknown) => {
  const body = JSON.stringify(value)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

const sendError = (res: ServerResponse, error: unknown) => {
  res.writeHead(500, { 'content-type': 'text/plain' })
  res.end(String(error))
}

const sendOne = (res: ServerResponse, sql: string, id: number) => {
  pool
    .query(sql, [id])
    .then(({ rows }) => (rows[0] ? sendJson(res, 200, rows[0]) : sendJson(res, 404, { errors: [{ message: 'Not Found' }] })))
    .catch((error: unknown) => sendError(res, error))
}

const server = createServer((req, res) => {
  const article = /^\/api\/articles\/(\d+)/.exec(req.url ?? '')
  if (article) {
    sendOne(res, ARTICLE_SQL, Number(article[1]))
    return
  }
  if (!req.url?.startsWith('/api/anime')) {
    res.writeHead(404).end()
    return
  }
  const detail = /^\/api\/anime\/(\d+)/.exec(req.url)
  if (detail) {
    sendOne(res, DETAIL_SQL, Number(detail[1]))
    return
  }
  Promise.all([pool.query(PAGE_SQL, [LIMIT]), pool.query(COUNT_SQL)])
    .then(([page, count]) => {
      const totalDocs = count.rows[0].n as number
      const totalPages = Math.ceil(totalDocs / LIMIT)
      sendJson(res, 200, {
        docs: page.rows,
        hasNextPage: totalPages > 1,
        hasPrevPage: false,
        limit: LIMIT,
        nextPage: totalPages > 1 ? 2 : null,
        page: 1,
        pagingCounter: 1,
        prevPage: null,
        totalDocs,
        totalPages,
      })
    })
    .catch((error: unknown) => sendError(res, error))
})

server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('{"msg":"ready"}\n'))
process.on('SIGTERM', () => {
  server.close()
  void pool.end().then(() => process.exit(0))
})
