import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Media } from '@/payload-types'
import { gradientImage, HARMLESS_SVG, largePng, sha256, uploadForm } from '../../../helpers/images'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

type ErrorBody = {
  errors: { name?: string; message: string; data?: { errors?: { path: string; message: string }[] } }[]
}

const SIZE_NAMES = ['thumbnail', 'card', 'hero'] as const

let ctx: PayloadInt
let token: string
let mediaDir: string

/** Every file in the media folder, so a refused upload can be shown to leave nothing behind. */
const mediaFiles = async (): Promise<string[]> => (await readdir(mediaDir)).filter((name) => name !== '.gitkeep').sort()

/** `http://localhost:3000/api/media/file/x.png` or `/api/media/file/x.png` -> `/media/file/x.png` for the REST client. */
const apiPath = (url: string): string => {
  const { pathname } = new URL(url, 'http://localhost')
  expect(pathname.startsWith('/api/')).toBe(true)
  return pathname.slice('/api'.length)
}

/** `auth: null` sends the upload anonymously. */
const upload = (form: FormData, auth: string | null = token) =>
  ctx.rest.post('/media', { method: 'POST', body: form, token: auth ?? undefined })

beforeAll(async () => {
  // Local-disk storage (no S3_BUCKET) and a 1 MB limit, so "over the limit" stays a small fixture.
  ctx = await initPayloadInt('media', { S3_BUCKET: '', MEDIA_MAX_UPLOAD_MB: '1' })
  const media = ctx.config.collections.find((collection) => collection.slug === 'media')
  mediaDir = media?.upload.staticDir as string
  expect(mediaDir).toBe(path.resolve(process.cwd(), 'media'))

  await ctx.payload.create({ collection: 'users', data: { email: 'editor@example.com', password: 'correct-horse-1' } })
  token = await ctx.rest.login('editor@example.com', 'correct-horse-1')
})

afterAll(async () => {
  // Safety net if a test failed half-way: deleting the documents deletes their files from media/.
  try {
    await ctx?.payload.delete({ collection: 'media', where: { id: { exists: true } } })
  } finally {
    await ctx?.cleanup()
  }
})

describe('media uploads on local disk', () => {
  it('stores the original and every image size, and serves them back', async () => {
    const original = await gradientImage(2400, 1600, 'png')
    expect(original.length).toBeLessThan(1024 * 1024)

    const response = await upload(uploadForm({ data: original, name: 'gradient.png', type: 'image/png' }, { alt: 'A gradient' }))
    const body = (await response.json()) as { doc: Media; message: string }
    expect(response.status, JSON.stringify(body)).toBe(201)
    const doc = body.doc
    expect(doc).toMatchObject({ alt: 'A gradient', mimeType: 'image/png', width: 2400, height: 1600, filesize: original.length })
    expect(doc.filename).toMatch(/^gradient(-\d+)?\.png$/)
    expect(doc.url).toMatch(new RegExp(`/api/media/file/${doc.filename}$`))

    const expected = { thumbnail: [300, 300], card: [768, 432], hero: [1920, 1280] } as const
    for (const name of SIZE_NAMES) {
      const size = doc.sizes?.[name]
      expect(size, name).toBeDefined()
      expect(size?.width, name).toBe(expected[name][0])
      expect(size?.height, name).toBe(expected[name][1])
      expect(size?.filename, name).toMatch(new RegExp(`-${expected[name][0]}x${expected[name][1]}\\.png$`))
      expect(size?.url, name).toMatch(new RegExp(`/api/media/file/${size?.filename}$`))
    }

    // The files are on disk, with the dimensions the document claims.
    const stored = [doc.filename as string, ...SIZE_NAMES.map((name) => doc.sizes?.[name]?.filename as string)]
    for (const filename of stored) expect(existsSync(path.join(mediaDir, filename)), filename).toBe(true)
    expect(sha256(await readFile(path.join(mediaDir, doc.filename as string)))).toBe(sha256(original))
    for (const name of SIZE_NAMES) {
      const meta = await sharp(path.join(mediaDir, doc.sizes?.[name]?.filename as string)).metadata()
      expect([meta.format, meta.width, meta.height], name).toEqual(['png', ...expected[name]])
    }

    // Served back through Payload: same bytes as on disk.
    const served = await ctx.rest.get(apiPath(doc.url as string))
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(sha256(await served.arrayBuffer())).toBe(sha256(original))
    for (const name of SIZE_NAMES) {
      const size = doc.sizes?.[name]
      const sizeResponse = await ctx.rest.get(apiPath(size?.url as string))
      expect(sizeResponse.status, name).toBe(200)
      expect(sha256(await sizeResponse.arrayBuffer()), name).toBe(
        sha256(await readFile(path.join(mediaDir, size?.filename as string))),
      )
    }

    // Deleting the document through REST removes the original and every size from disk.
    const deleted = await ctx.rest.delete(`/media/${doc.id}`, { method: 'DELETE', token })
    expect(deleted.status).toBe(200)
    for (const filename of stored) expect(existsSync(path.join(mediaDir, filename)), filename).toBe(false)
    expect(await ctx.payload.count({ collection: 'media' })).toEqual({ totalDocs: 0 })
  })

  it('does not enlarge the hero size beyond a smaller original', async () => {
    const original = await gradientImage(1000, 600, 'jpeg')
    const response = await upload(uploadForm({ data: original, name: 'small.jpg', type: 'image/jpeg' }, { alt: 'Small' }))
    const body = (await response.json()) as { doc: Media }
    expect(response.status, JSON.stringify(body)).toBe(201)
    const { doc } = body
    expect([doc.width, doc.height]).toEqual([1000, 600])
    expect([doc.sizes?.hero?.width, doc.sizes?.hero?.height]).toEqual([1000, 600])
    expect([doc.sizes?.thumbnail?.width, doc.sizes?.thumbnail?.height]).toEqual([300, 300])
    expect([doc.sizes?.card?.width, doc.sizes?.card?.height]).toEqual([768, 432])

    const stored = [doc.filename as string, ...SIZE_NAMES.map((name) => doc.sizes?.[name]?.filename as string)]
    for (const filename of stored) expect(existsSync(path.join(mediaDir, filename)), filename).toBe(true)
    const hero = await sharp(path.join(mediaDir, doc.sizes?.hero?.filename as string)).metadata()
    expect([hero.width, hero.height]).toEqual([1000, 600])

    await ctx.payload.delete({ collection: 'media', id: doc.id })
    for (const filename of stored) expect(existsSync(path.join(mediaDir, filename)), filename).toBe(false)
  })
})

describe('refused uploads store nothing', () => {
  /** Sends `form`, and checks that neither a document nor a file was left behind. */
  const refusedUpload = async (form: FormData, auth: string | null = token) => {
    const filesBefore = await mediaFiles()
    const docsBefore = (await ctx.payload.count({ collection: 'media' })).totalDocs
    const response = await upload(form, auth)
    const body = (await response.json()) as ErrorBody
    expect((await ctx.payload.count({ collection: 'media' })).totalDocs).toBe(docsBefore)
    expect(await mediaFiles()).toEqual(filesBefore)
    return { status: response.status, body }
  }

  const expectFileValidationError = (body: ErrorBody, message: RegExp) => {
    expect(body.errors).toHaveLength(1)
    const [error] = body.errors
    expect(error.name).toBe('ValidationError')
    expect(error.data?.errors?.[0]?.path).toBe('file')
    expect(error.data?.errors?.[0]?.message).toMatch(message)
    expect(error.message).toBe('The following field is invalid: file')
  }

  it('refuses an SVG, even a harmless one', async () => {
    const { status, body } = await refusedUpload(
      uploadForm({ data: HARMLESS_SVG, name: 'logo.svg', type: 'image/svg+xml' }, { alt: 'Logo' }),
    )
    expect(status, JSON.stringify(body)).toBe(400)
    expectFileValidationError(body, /svg.*not accepted|not accepted.*svg/i)
  })

  it('refuses an SVG renamed to .png and sent as image/png', async () => {
    const { status, body } = await refusedUpload(
      uploadForm({ data: HARMLESS_SVG, name: 'logo.png', type: 'image/png' }, { alt: 'Logo' }),
    )
    expect(status, JSON.stringify(body)).toBe(400)
    expectFileValidationError(body, /svg.*not accepted|not accepted.*svg/i)
  })

  it('refuses a text file named .png and sent as image/png', async () => {
    const { status, body } = await refusedUpload(
      uploadForm({ data: 'this is plain text, not a picture\n', name: 'something.png', type: 'image/png' }, { alt: 'Fake' }),
    )
    expect(status, JSON.stringify(body)).toBe(400)
    expectFileValidationError(body, /not a readable image/i)
  })

  it('refuses a file over MEDIA_MAX_UPLOAD_MB with 413', async () => {
    expect(ctx.config.upload.limits?.fileSize).toBe(1024 * 1024)
    const big = await largePng(1.5 * 1024 * 1024)
    expect(big.length).toBeGreaterThan(1.5 * 1024 * 1024)
    expect((await sharp(big).metadata()).format).toBe('png')

    const { status, body } = await refusedUpload(uploadForm({ data: big, name: 'big.png', type: 'image/png' }, { alt: 'Big' }))
    expect(status, JSON.stringify(body)).toBe(413)
    expect(body.errors[0].message).toBe('File size limit has been reached')
  })

  it('refuses a create that hands a URL instead of the file: the server fetches nothing', async () => {
    const docsBefore = (await ctx.payload.count({ collection: 'media' })).totalDocs
    const response = await ctx.rest.post('/media', {
      method: 'POST',
      token,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ alt: 'Remote', url: 'http://169.254.169.254/latest/meta-data/x.png', filename: 'x.png' }),
    })
    const body = (await response.json()) as ErrorBody
    expect(response.status, JSON.stringify(body)).toBe(400)
    expect(body.errors[0].data?.errors?.[0]?.path).toBe('file')
    expect((await ctx.payload.count({ collection: 'media' })).totalDocs).toBe(docsBefore)
  })

  it('refuses an anonymous upload with 403', async () => {
    const original = await gradientImage(400, 300, 'png')
    const { status, body } = await refusedUpload(
      uploadForm({ data: original, name: 'anonymous.png', type: 'image/png' }, { alt: 'Anonymous' }),
      null,
    )
    expect(status, JSON.stringify(body)).toBe(403)
    expect(body.errors[0].message).toBe('You are not allowed to perform this action.')
  })
})
