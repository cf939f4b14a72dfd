import jwt from 'jsonwebtoken'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createAccountWithRole } from '../../../helpers/accounts'
import { ensureProductionBuild } from '../../../helpers/productionBuild'
import { REDIS_PORT } from '../../../helpers/redis'
import { startServer, TEST_SECRET, type RunningServer } from '../../../helpers/serverProcess'
import { createMigratedTestDatabase, type TestDatabase } from '../../../helpers/testDatabase'

/**
 * Signed-in users without a staff role share the anonymous cache entries of the collections in
 * readerSharedCollections; staff and personal reads never touch them. And HTTP caching: shared
 * responses carry a strong ETag and Cache-Control (public for anonymous callers, private and
 * revalidated for token holders), If-None-Match is a 304 from the cache, and staff and personal
 * responses are `private, no-store`. Against the compiled server and the real Redis and PostgreSQL.
 */

let database: TestDatabase
let server: RunningServer
let adminToken: string
let editorToken: string
let userToken: string
let otherUserToken: string
let publishedId: number
let draftId: number

type Fetched = {
  status: number
  cache: string | null
  cacheControl: string | null
  etag: string | null
  vary: string | null
  /** The admin's client-hint headers (Accept-CH, Critical-CH), when present. */
  clientHints: string | null
  text: string
}

const get = async (path: string, headers: Record<string, string> = {}): Promise<Fetched> => {
  const response = await fetch(`${server.url}${path}`, { headers })
  return {
    status: response.status,
    cache: response.headers.get('x-cache'),
    cacheControl: response.headers.get('cache-control'),
    etag: response.headers.get('etag'),
    vary: response.headers.get('vary'),
    clientHints: response.headers.get('accept-ch') ?? response.headers.get('critical-ch'),
    text: await response.text(),
  }
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

const write = async (method: string, path: string, body: unknown, token = adminToken) => {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...bearer(token) },
    body: JSON.stringify(body),
  })
  expect(response.status, await response.clone().text()).toBeLessThan(300)
  return (await response.json()) as { doc: { id: number } }
}

const account = async (email: string, role: 'admin' | 'editor' | 'user') =>
  (await createAccountWithRole({ serverUrl: server.url, databaseUrl: database.url, email, password: `${role}-password-long`, role }))
    .accessToken

/** The frontend's origin, allowed by CORS (ALLOWED_ORIGINS). */
const ORIGIN = 'https://kitsu.example'

/** A URL no earlier test has read (its own cache entry). */
let fresh = 0
const listPath = (query = '') => `/api/anime?limit=50&sort=title&depth=1&page=1&fresh=${++fresh}${query}`

beforeAll(async () => {
  ensureProductionBuild()
  database = await createMigratedTestDatabase('shared-readers')
  server = await startServer(
    {
      SECRET_KEY: TEST_SECRET,
      DATABASE_URL: database.url,
      REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`,
      HTTP_CACHE_MAX_AGE_SECONDS: '17',
      HTTP_CACHE_STALE_WHILE_REVALIDATE_SECONDS: '41',
      ALLOWED_ORIGINS: ORIGIN,
    },
    { compiled: true },
  )
  adminToken = await account('shared-admin@example.com', 'admin')
  editorToken = await account('shared-editor@example.com', 'editor')
  userToken = await account('shared-user@example.com', 'user')
  otherUserToken = await account('shared-other@example.com', 'user')
  const genre = (await write('POST', '/api/genres', { name: 'Shared Genre' })).doc.id
  publishedId = (await write('POST', '/api/anime', { title: 'Aaa Published Title', genres: [genre], _status: 'published' })).doc.id
  draftId = (await write('POST', '/api/anime', { title: 'Aab Secret Draft Title', genres: [genre], _status: 'draft' })).doc.id
})

afterAll(async () => {
  await server?.stop()
  await database?.drop()
})

describe('signed-in readers share the anonymous cache', () => {
  it('answers a plain user from the entry an anonymous read filled, byte for byte', async () => {
    const path = listPath()
    const anonymous = await get(path)
    expect(anonymous).toMatchObject({ status: 200, cache: 'MISS' })
    const user = await get(path, bearer(userToken))
    expect(user).toMatchObject({ status: 200, cache: 'HIT' })
    expect(user.text).toBe(anonymous.text)
    expect(user.etag).toBe(anonymous.etag)
    expect(user.text).toContain('Aaa Published Title')
    expect(user.text).not.toContain('Secret Draft')

    const detail = `/api/anime/${publishedId}?depth=1&fresh=${++fresh}`
    const filledByUser = await get(detail, bearer(userToken))
    expect(filledByUser).toMatchObject({ status: 200, cache: 'MISS' })
    const anonymousDetail = await get(detail)
    expect(anonymousDetail).toMatchObject({ status: 200, cache: 'HIT' })
    expect(anonymousDetail.text).toBe(filledByUser.text)
  })

  it('keeps staff reads fresh (drafts shown) and out of the shared entry', async () => {
    const path = listPath()
    const editor = await get(path, bearer(editorToken))
    expect(editor.status).toBe(200)
    expect(editor.cache).toBeNull()
    expect(editor.text).toContain('Secret Draft')
    expect((await get(path, bearer(editorToken))).cache).toBeNull()
    // The editor's response filled nothing: the next reader misses and sees published titles only.
    const user = await get(path, bearer(userToken))
    expect(user.cache).toBe('MISS')
    expect(user.text).not.toContain('Secret Draft')
    const anonymous = await get(path)
    expect(anonymous.cache).toBe('HIT')
    expect(anonymous.text).not.toContain('Secret Draft')
    // And a shared entry never answers staff.
    const admin = await get(path, bearer(adminToken))
    expect(admin.cache).toBeNull()
    expect(admin.text).toContain('Secret Draft')
  })

  it('shows a plain user no draft, even when asked with draft=true', async () => {
    for (const path of [
      listPath('&draft=true'),
      `/api/anime/${draftId}?draft=true`,
      `/api/anime?draft=true&where[id][equals]=${draftId}`,
    ]) {
      const user = await get(path, bearer(userToken))
      const anonymous = await get(path)
      expect(user.text).not.toContain('Secret Draft')
      expect(anonymous.text).toBe(user.text)
      expect(anonymous.status).toBe(user.status)
    }
    expect((await get(`/api/anime/${draftId}?draft=true`, bearer(editorToken))).text).toContain('Secret Draft')
  })

  it('still refuses a revoked, expired or forged token with 401, also when the entry is cached', async () => {
    const path = listPath()
    const revoked = await account('shared-revoked@example.com', 'user')
    expect((await get(path, bearer(revoked))).cache).toBe('MISS')
    expect((await get(path, bearer(revoked))).cache).toBe('HIT')
    const logout = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: bearer(revoked) })
    expect(logout.status).toBe(204)
    const refused = await get(path, bearer(revoked))
    expect(refused.status).toBe(401)
    expect(refused.cache).toBeNull()
    expect((await get(path)).cache).toBe('HIT')
    // Signed with the server's key, for a live session, but past its expiry.
    const live = jwt.decode(userToken) as { sub: string; sid: string }
    const expired = jwt.sign({ sid: live.sid, typ: 'access', collection: 'users', exp: Math.floor(Date.now() / 1000) - 60 }, TEST_SECRET, {
      subject: live.sub,
    })
    expect((await get(path, bearer(expired))).status).toBe(401)
    expect((await get(path, bearer(userToken))).cache).toBe('HIT')
    expect((await get(path, bearer('not-a-token'))).status).toBe(401)
  })

  it('never shares a personal response', async () => {
    const list = (
      await write('POST', '/api/lists', { name: 'My secret watchlist', visibility: 'private', items: [{ anime: publishedId }] }, userToken)
    ).doc.id
    const path = `/api/lists?where[id][equals]=${list}`
    for (let i = 0; i < 2; i++) {
      const own = await get(path, bearer(userToken))
      expect(own.cache).toBeNull()
      expect(own.cacheControl).toBe('private, no-store')
      expect(own.text).toContain('My secret watchlist')
    }
    const other = await get(path, bearer(otherUserToken))
    expect(other.cache).toBeNull()
    expect(other.text).not.toContain('My secret watchlist')
    const me = await get('/api/users/me', bearer(userToken))
    expect(me.cache).toBeNull()
    expect(me.cacheControl).toBe('private, no-store')
    expect(me.text).toContain('shared-user@example.com')
    expect((await get('/api/users/me', bearer(otherUserToken))).text).not.toContain('shared-user@example.com')
  })
})

describe('HTTP caching', () => {
  it('marks shared reads public for anonymous callers and private for token holders, with one strong ETag', async () => {
    const path = listPath()
    const miss = await get(path)
    expect(miss.cacheControl).toBe('public, max-age=17, stale-while-revalidate=41')
    expect(miss.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/)
    // It varies on what its key does (Origin, gzip, a token), not on the admin's client hint or
    // Next's router headers (rsc, next-router-*): a CDN would keep a copy per combination of those.
    const varyNames = (fetched: Fetched) =>
      (fetched.vary ?? '')
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .sort()
    expect(varyNames(miss)).toEqual(['accept-encoding', 'authorization', 'origin'])
    expect(miss.clientHints).toBeNull()
    const hit = await get(path)
    expect(hit).toMatchObject({ cache: 'HIT', cacheControl: 'public, max-age=17, stale-while-revalidate=41', etag: miss.etag })
    expect(varyNames(hit)).toEqual(varyNames(miss))
    expect(hit.clientHints).toBeNull()
    const user = await get(path, bearer(userToken))
    expect(user).toMatchObject({ cache: 'HIT', cacheControl: 'private, no-cache', etag: miss.etag })
    const staff = await get(path, bearer(editorToken))
    expect(staff.cacheControl).toBe('private, no-store')
    expect(staff.etag).toBeNull()
  })

  it('keeps the CORS headers an actual response needs on shared reads, and leaves the preflight-only ones to the preflight', async () => {
    const path = listPath()
    const cors = async (method: string, headers: Record<string, string>) => {
      const response = await fetch(`${server.url}${path}`, { method, headers: { Origin: ORIGIN, ...headers } })
      await response.arrayBuffer()
      const header = (name: string) => response.headers.get(name)
      return {
        status: response.status,
        cache: header('x-cache'),
        allowOrigin: header('access-control-allow-origin'),
        allowCredentials: header('access-control-allow-credentials'),
        allowMethods: header('access-control-allow-methods'),
        allowHeaders: header('access-control-allow-headers'),
      }
    }
    const actual = { status: 200, allowOrigin: ORIGIN, allowCredentials: 'true', allowMethods: null, allowHeaders: null }
    expect(await cors('GET', {})).toMatchObject({ ...actual, cache: 'MISS' })
    expect(await cors('GET', {})).toMatchObject({ ...actual, cache: 'HIT' })
    // Another origin shares no entry with it and is not allowed.
    const other = await fetch(`${server.url}${path}`, { headers: { Origin: 'https://evil.example' } })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
    // The preflight, which browsers read the allowed methods and headers from, still has them.
    const preflight = await cors('OPTIONS', { 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' })
    expect(preflight.status).toBeLessThan(300)
    expect(preflight.allowOrigin).toBe(ORIGIN)
    expect(preflight.allowMethods).toContain('GET')
    expect(preflight.allowHeaders?.toLowerCase()).toContain('authorization')
  })

  it('answers If-None-Match with 304 from the cache, and with the body once the content changed', async () => {
    const path = `/api/anime/${publishedId}?depth=0&fresh=${++fresh}`
    const first = await get(path, { 'If-None-Match': '"something-else"' })
    expect(first).toMatchObject({ status: 200, cache: 'MISS' })
    const etag = first.etag!
    const notModified = await get(path, { 'If-None-Match': etag })
    expect(notModified).toMatchObject({
      status: 304,
      cache: 'HIT',
      etag,
      cacheControl: 'public, max-age=17, stale-while-revalidate=41',
      text: '',
    })
    expect(await get(path, { 'If-None-Match': `"x", W/${etag}` })).toMatchObject({ status: 304, cache: 'HIT' })
    expect(await get(path, { ...bearer(userToken), 'If-None-Match': etag })).toMatchObject({
      status: 304,
      cache: 'HIT',
      cacheControl: 'private, no-cache',
    })
    expect((await get(path, { 'If-None-Match': '"stale"' })).status).toBe(200)

    await write('PATCH', `/api/anime/${publishedId}`, { title: 'Aaa Published Title, renamed' })
    const changed = await get(path, { 'If-None-Match': etag })
    expect(changed).toMatchObject({ status: 200, cache: 'MISS' })
    expect(changed.etag).not.toBe(etag)
    expect(changed.text).toContain('renamed')
    // A miss whose fresh body has the tag the client holds is a 304 too.
    const other = `/api/anime/${publishedId}?depth=0&fresh=${++fresh}`
    expect(await get(other, { 'If-None-Match': changed.etag! })).toMatchObject({ status: 304, cache: 'MISS' })
  })

  it('keeps errors uncacheable by browsers and CDNs', async () => {
    const missing = await get(`/api/anime/999999?fresh=${++fresh}`)
    expect(missing.status).toBe(404)
    expect(missing.cacheControl ?? '').not.toContain('public')
    expect(missing.etag).toBeNull()
  })
})
