import { createHash } from 'node:crypto'
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
