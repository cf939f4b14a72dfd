import { createHash } from 'node:crypto'
import { deflateSync } from 'node:zlib'
import sharp from 'sharp'

type RasterFormat = 'png' | 'jpeg'

/**
 * A real raster image: a diagonal colour gradient, so every resized variant has distinct content.
 * Deterministic, so the same arguments always give the same bytes.
 */
export const gradientImage = async (
  width: number,
  height: number,
  format: RasterFormat = 'png',
  { compressionLevel = 9 }: { compressionLevel?: number } = {},
): Promise<Buffer> => {
  const channels = 3
  const pixels = Buffer.alloc(width * height * channels)
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = (y * width + x) * channels
      pixels[offset] = Math.round((x / width) * 255)
      pixels[offset + 1] = Math.round((y / height) * 255)
      pixels[offset + 2] = Math.round(((x + y) / (width + height)) * 255)
    }
  }
  const image = sharp(pixels, { raw: { width, height, channels } })
  return format === 'png' ? image.png({ compressionLevel }).toBuffer() : image.jpeg({ quality: 85 }).toBuffer()
}

/**
 * A valid PNG of at least `minBytes`: stored without compression, so its size is predictable.
 * Used to exceed the upload size limit with a file that is otherwise perfectly acceptable.
 */
export const largePng = async (minBytes: number): Promise<Buffer> => {
  const width = 1000
  const height = Math.ceil(minBytes / (width * 3)) + 1
  const png = await gradientImage(width, height, 'png', { compressionLevel: 0 })
  if (png.length < minBytes) throw new Error(`largePng produced ${png.length} bytes, wanted ${minBytes}`)
  return png
}

/** A harmless SVG (no script): refused anyway, because SVG as a format can carry script. */
export const HARMLESS_SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" viewBox="0 0 120 80">
  <rect width="120" height="80" fill="#3366cc"/>
  <circle cx="60" cy="40" r="25" fill="#ffcc00"/>
</svg>
`

/** The multipart body Payload's REST API expects for an upload: `file` plus `_payload` JSON. */
export const uploadForm = (file: { data: Buffer | string; name: string; type: string }, fields: Record<string, unknown>): FormData => {
  const form = new FormData()
  const bytes = typeof file.data === 'string' ? Buffer.from(file.data, 'utf8') : file.data
  form.append('file', new Blob([new Uint8Array(bytes)], { type: file.type }), file.name)
  form.append('_payload', JSON.stringify(fields))
  return form
}

/**
 * A digest to compare file contents by: `expect(bufferA).toEqual(bufferB)` walks every byte
 * through vitest's deep equality and takes seconds per megabyte.
 */
export const sha256 = (data: Buffer | ArrayBuffer | Uint8Array): string =>
  createHash('sha256')
    .update(data instanceof ArrayBuffer ? new Uint8Array(data) : data)
    .digest('hex')

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

const crc32 = (bytes: Buffer): number => {
  let c = 0xffffffff
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

const pngChunk = (type: string, data: Buffer): Buffer => {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * A complete, valid black PNG of any size (1-bit greyscale, every row present and deflated), built
 * directly rather than through sharp: a 20000 x 20000 picture takes sharp ~10 s to encode on two
 * cores, this ~0.3 s and ~50 KB. Fully decodable (sharp's `stats()` reads all 400 million pixels).
 */
export const blankPng = (width: number, height: number): Buffer => {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 1 // bit depth
  header[9] = 0 // greyscale
  // compression, filter and interlace methods: 0
  const rows = Buffer.alloc(height * (1 + Math.ceil(width / 8))) // filter byte 0 + zero pixels per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}
