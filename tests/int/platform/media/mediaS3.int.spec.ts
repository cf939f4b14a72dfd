import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Media } from '@/payload-types'
import { gradientImage, HARMLESS_SVG, sha256, uploadForm } from '../../../helpers/images'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'
import { type RunningS3Server, s3ClientFor, s3StorageEnv, startS3Server } from '../../../helpers/s3Server'

const BUCKET = 'media'
const SIZE_NAMES = ['thumbnail', 'card', 'hero'] as const

let s3Server: RunningS3Server | undefined
let ctx: PayloadInt | undefined
let s3: S3Client
let token: string

const localMediaDir = path.resolve(process.cwd(), 'media')
const localMediaFiles = async (): Promise<string[]> => (await readdir(localMediaDir)).sort()

/** Every key in the bucket, optionally under a prefix. */
const bucketKeys = async (prefix?: string): Promise<string[]> => {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }))
  return (listed.Contents ?? []).map((object) => object.Key as string).sort()
}

const objectBytes = async (key: string): Promise<Uint8Array> => {
  const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))
  return (await object.Body?.transformToByteArray()) as Uint8Array
}

/** `http://localhost:3000/api/media/file/x.png?prefix=media` -> `/media/file/x.png?prefix=media` for the REST client. */
const apiPath = (url: string): string => {
  const { pathname, search } = new URL(url, 'http://localhost')
  expect(pathname.startsWith('/api/')).toBe(true)
  return pathname.slice('/api'.length) + search
}

beforeAll(async () => {
  s3Server = await startS3Server([BUCKET])
  ctx = await initPayloadInt('media_s3', {
    ...s3StorageEnv(s3Server, BUCKET),
  })
  s3 = s3ClientFor(s3Server)
  await ctx.payload.create({ collection: 'users', data: { email: 'editor@example.com', password: 'correct-horse-1' } })
  token = await ctx.rest.login('editor@example.com', 'correct-horse-1')
})

afterAll(async () => {
  s3?.destroy()
  try {
    await ctx?.cleanup()
  } finally {
    await s3Server?.stop()
  }
})

describe('media uploads on S3', () => {
  it('is configured for the bucket, with local storage off', () => {
    const media = ctx!.config.collections.find((collection) => collection.slug === 'media')
    expect(media?.upload.disableLocalStorage).toBe(true)
  })

  it('puts the original and every size in the bucket, serves them, and deletes them with the document', async () => {
    const { rest, payload } = ctx!
    expect(await bucketKeys()).toEqual([])
    const localBefore = await localMediaFiles()

    const original = await gradientImage(2400, 1600, 'jpeg')
    const response = await rest.post('/media', {
      method: 'POST',
      body: uploadForm({ data: original, name: 'runway.jpg', type: 'image/jpeg' }, { alt: 'A runway at dusk' }),
      token,
    })
    const body = (await response.json()) as { doc: Media }
    expect(response.status, JSON.stringify(body)).toBe(201)
    const { doc } = body
    expect(doc).toMatchObject({ alt: 'A runway at dusk', prefix: 'media', mimeType: 'image/jpeg', width: 2400, height: 1600 })
    // The storage plugin appends the prefix so the file endpoint can find the object.
    expect(doc.url).toMatch(new RegExp(`/api/media/file/${doc.filename}\\?prefix=media$`))

    const expected = { thumbnail: [300, 300], card: [768, 432], hero: [1920, 1280] } as const
    for (const name of SIZE_NAMES) {
      const size = doc.sizes?.[name]
      expect([size?.width, size?.height], name).toEqual(expected[name])
      expect(size?.filename, name).toMatch(new RegExp(`-${expected[name][0]}x${expected[name][1]}\\.jpg$`))
      expect(size?.url, name).toMatch(new RegExp(`/api/media/file/${size?.filename}\\?prefix=media$`))
    }

    // Every file is in the bucket under the `media/` prefix, and nothing went to the local folder.
    const filenames = [doc.filename as string, ...SIZE_NAMES.map((name) => doc.sizes?.[name]?.filename as string)]
    const keys = filenames.map((filename) => `media/${filename}`).sort()
    expect(await bucketKeys()).toEqual(keys)
    expect(await localMediaFiles()).toEqual(localBefore)
    expect(sha256(await objectBytes(`media/${doc.filename}`))).toBe(sha256(original))

    // Served back through Payload's file endpoint, from the bucket.
    const served = await rest.get(apiPath(doc.url as string))
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/jpeg')
    expect(sha256(await served.arrayBuffer())).toBe(sha256(original))
    for (const name of SIZE_NAMES) {
      const size = doc.sizes?.[name]
      const sizeResponse = await rest.get(apiPath(size?.url as string))
      expect(sizeResponse.status, name).toBe(200)
      expect(sha256(await sizeResponse.arrayBuffer()), name).toBe(sha256(await objectBytes(`media/${size?.filename}`)))
    }

    // Deleting the document removes the original and every size from the bucket.
    const deleted = await rest.delete(`/media/${doc.id}`, { method: 'DELETE', token })
    expect(deleted.status).toBe(200)
    expect(await bucketKeys()).toEqual([])
    expect(await payload.count({ collection: 'media' })).toEqual({ totalDocs: 0 })
    // Payload's file endpoint refuses (403, not 404) a file that no document claims any more.
    const gone = await rest.get(apiPath(doc.url as string))
    expect(gone.status).toBe(403)
  })

  it('puts nothing in the bucket for a refused upload', async () => {
    const { rest, payload } = ctx!
    const response = await rest.post('/media', {
      method: 'POST',
      body: uploadForm({ data: HARMLESS_SVG, name: 'logo.svg', type: 'image/svg+xml' }, { alt: 'Logo' }),
      token,
    })
    const body = (await response.json()) as { errors: { data?: { errors?: { path: string }[] } }[] }
    expect(response.status, JSON.stringify(body)).toBe(400)
    expect(body.errors[0].data?.errors?.[0]?.path).toBe('file')
    expect(await bucketKeys()).toEqual([])
    expect(await payload.count({ collection: 'media' })).toEqual({ totalDocs: 0 })
  })
})
