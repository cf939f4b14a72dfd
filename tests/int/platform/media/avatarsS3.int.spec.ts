import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3'
import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Avatar } from '@/payload-types'
import { gradientImage, sha256, uploadForm } from '../../../helpers/images'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'
import { type RunningS3Server, s3ClientFor, s3StorageEnv, startS3Server } from '../../../helpers/s3Server'

type RouteContext = { params: Promise<{ filename: string }> }
type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>

const BUCKET = 'media'
const SQUARES = { small: 128, medium: 256, large: 512 } as const
const SIZE_NAMES = Object.keys(SQUARES) as (keyof typeof SQUARES)[]

let s3Server: RunningS3Server | undefined
let ctx: PayloadInt | undefined
let s3: S3Client
let token: string
let route: { GET: RouteHandler; HEAD: RouteHandler }

const localAvatarsDir = path.resolve(process.cwd(), 'media', 'avatars')
const localAvatarFiles = async (): Promise<string[]> => (existsSync(localAvatarsDir) ? (await readdir(localAvatarsDir)).sort() : [])

const bucketKeys = async (): Promise<string[]> => {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))
  return (listed.Contents ?? []).map((object) => object.Key as string).sort()
}

const objectBytes = async (key: string): Promise<Uint8Array> => {
  const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))
  return (await object.Body?.transformToByteArray()) as Uint8Array
}

/** GET through the Next route handler, with the segment percent-decoded as Next hands it over. */
const serve = (url: string) => {
  const request = new Request(new URL(url, 'http://localhost:3000'))
  const segment = new URL(request.url).pathname.replace(/^\/media\/avatars\//, '')
  return route.GET(request, { params: Promise.resolve({ filename: decodeURIComponent(segment) }) })
}

beforeAll(async () => {
  s3Server = await startS3Server([BUCKET])
  ctx = await initPayloadInt('avatars_s3', {
    ...s3StorageEnv(s3Server, BUCKET),
    RATE_LIMIT_AUTH_PER_IP: '1000',
  })
  route = (await import('@/app/media/avatars/[filename]/route')) as typeof route
  s3 = s3ClientFor(s3Server)
  await ctx.payload.create({ collection: 'users', data: { email: 'admin@example.com', password: 'correct-horse-battery-1' } })
  await ctx.payload.create({
    collection: 'users',
    data: { email: 'someone@example.com', password: 'correct-horse-battery-1', roles: ['user'] },
    overrideAccess: true,
  })
  token = await ctx.rest.login('someone@example.com', 'correct-horse-battery-1')
})

afterAll(async () => {
  s3?.destroy()
  try {
    await ctx?.cleanup()
  } finally {
    await s3Server?.stop()
  }
})

describe('avatars on S3', () => {
  it('is configured for the bucket, with local storage off', () => {
    const avatars = ctx!.config.collections.find((collection) => collection.slug === 'avatars')
    expect(avatars?.upload.disableLocalStorage).toBe(true)
  })

  it('puts the re-encoded avatar and its squares under avatars/, serves them at /media/avatars/<file>, and deletes them', async () => {
    const { rest, payload } = ctx!
    const localBefore = await localAvatarFiles()
    const original = await sharp(await gradientImage(640, 480, 'jpeg'))
      .withExif({ IFD0: { Copyright: 'secret-copyright' } })
      .jpeg()
      .toBuffer()

    const response = await rest.post('/avatars', {
      method: 'POST',
      body: uploadForm({ data: original, name: 'me.jpg', type: 'image/jpeg' }, {}),
      token,
    })
    const body = (await response.json()) as { doc: Avatar }
    expect(response.status, JSON.stringify(body)).toBe(201)
    const { doc } = body
    expect(doc).toMatchObject({ prefix: 'avatars', mimeType: 'image/webp', width: 640, height: 480 })
    expect(doc.url).toBe(`/media/avatars/${doc.filename}`)

    const filenames = [doc.filename as string, ...SIZE_NAMES.map((name) => doc.sizes?.[name]?.filename as string)]
    expect(await bucketKeys()).toEqual(filenames.map((filename) => `avatars/${filename}`).sort())
    expect(await localAvatarFiles()).toEqual(localBefore)

    for (const name of [undefined, ...SIZE_NAMES]) {
      const url = (name ? doc.sizes?.[name]?.url : doc.url) as string
      const served = await serve(url)
      expect(served.status, url).toBe(200)
      expect(served.headers.get('content-type'), url).toBe('image/webp')
      expect(served.headers.get('cache-control'), url).toBe('public, max-age=31536000, immutable')
      const bytes = Buffer.from(await served.arrayBuffer())
      const filename = decodeURIComponent(url.split('/').pop() as string)
      expect(sha256(bytes), url).toBe(sha256(await objectBytes(`avatars/${filename}`)))
      const meta = await sharp(bytes).metadata()
      expect([meta.format, meta.exif], url).toEqual(['webp', undefined])
      if (name) expect([meta.width, meta.height], url).toEqual([SQUARES[name], SQUARES[name]])
    }

    const deleted = await rest.delete(`/avatars/${doc.id}`, { method: 'DELETE', token })
    expect(deleted.status).toBe(200)
    expect(await bucketKeys()).toEqual([])
    expect(await payload.count({ collection: 'avatars' })).toEqual({ totalDocs: 0 })
    expect((await serve(doc.url as string)).status).toBe(404)
  })

  it('puts nothing in the bucket for a refused upload', async () => {
    const { rest, payload } = ctx!
    const response = await rest.post('/avatars', {
      method: 'POST',
      body: uploadForm({ data: 'not a picture\n', name: 'me.png', type: 'image/png' }, {}),
      token,
    })
    expect(response.status).toBe(400)
    expect(await bucketKeys()).toEqual([])
    expect(await payload.count({ collection: 'avatars' })).toEqual({ totalDocs: 0 })
  })
})
