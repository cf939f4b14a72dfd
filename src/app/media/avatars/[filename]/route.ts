import config from '@payload-config'
import { REST_GET } from '@payloadcms/next/routes'
import { getPayload, type Where } from 'payload'

import { isSafeAvatarFilename } from '@/platform/media/collections/Avatars/avatarFilename'

/** Avatar files get a fresh random name on every upload and are never rewritten: cache them for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable'
const AVATARS = 'avatars'

type Context = { params: Promise<{ filename: string }> }
type PayloadHandler = (request: Request, context: { params: Promise<{ slug: string[] }> }) => Promise<Response>

const payloadGet = REST_GET(config) as PayloadHandler

const errorResponse = (status: number, message: string): Response =>
  Response.json({ errors: [{ message }] }, { status, headers: { 'Cache-Control': 'no-store' } })

/** True when an avatar document claims the file, as its original or one of its sizes. */
const isClaimed = async (filename: string): Promise<boolean> => {
  const payload = await getPayload({ config })
  const sizes = payload.collections[AVATARS].config.upload.imageSizes ?? []
  const where: Where = {
    or: [{ filename: { equals: filename } }, ...sizes.map(({ name }) => ({ [`sizes.${name}.filename`]: { equals: filename } }))],
  }
  const { totalDocs } = await payload.count({ collection: AVATARS, where, overrideAccess: true })
  return totalDocs > 0
}

/**
 * Serves /media/avatars/<file> through Payload's own file endpoint (/api/avatars/file/<file>), so
 * local disk and S3 both work and the collection's read access applies. Files no avatar claims are
 * 404 (Payload would answer 500 for a file missing on disk).
 */
const serve = async (request: Request, { params }: Context): Promise<Response> => {
  // Next has already percent-decoded the segment: an encoded `%2F` arrives here as `/`.
  const { filename } = await params
  if (!isSafeAvatarFilename(filename)) return errorResponse(400, 'Invalid file name.')
  if (!(await isClaimed(filename))) return errorResponse(404, 'Not Found')

  const { routes } = await config
  const url = new URL(`${routes.api}/${AVATARS}/file/${encodeURIComponent(filename)}`, request.url)
  const response = await payloadGet(new Request(url, { method: 'GET', headers: request.headers, signal: request.signal }), {
    params: Promise.resolve({ slug: [AVATARS, 'file', filename] }),
  })

  const headers = new Headers(response.headers)
  headers.set('X-Content-Type-Options', 'nosniff')
  if (response.ok || response.status === 304) {
    if (!headers.has('Cache-Control')) headers.set('Cache-Control', IMMUTABLE)
  } else {
    headers.set('Cache-Control', 'no-store')
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
}

export const GET = (request: Request, context: Context): Promise<Response> => serve(request, context)

/** Payload's endpoints only answer GET: serve HEAD from a GET, without the body. */
export const HEAD = async (request: Request, context: Context): Promise<Response> => {
  const response = await serve(request, context)
  await response.body?.cancel()
  return new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers })
}
