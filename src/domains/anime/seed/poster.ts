import { createHash } from 'node:crypto'
import sharp from 'sharp'

export const POSTER_WIDTH = 360
export const POSTER_HEIGHT = 540

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!)

/** "Tsuki no Kagiya" -> "TK": the first letters of the first two words that start with a letter. */
export const initialsOf = (title: string): string =>
  title
    .split(/\s+/)
    .map((word) => word.match(/\p{L}|\p{N}/u)?.[0] ?? '')
    .filter(Boolean)
    .filter((_, index, all) => index === 0 || all.length < 3 || index === all.length - 1)
    .slice(0, 2)
    .join('')
    .toUpperCase()

/** Two colours picked from the title's hash, so each poster differs and every run draws the same. */
const paletteOf = (title: string): [string, string] => {
  const digest = createHash('sha256').update(title).digest()
  const hue = digest[0] * (360 / 256)
  const second = (hue + 40 + digest[1] / 4) % 360
  return [`hsl(${hue.toFixed(0)}, 65%, 42%)`, `hsl(${second.toFixed(0)}, 70%, 18%)`]
}

/**
 * A poster for a demo title: a diagonal gradient, a circle, the title's initials large and the
 * title small, drawn as SVG and rendered by sharp into a WebP (a real raster image, as media needs).
 */
export const renderPoster = async (title: string): Promise<Buffer> => {
  const [from, to] = paletteOf(title)
  const label = title.length > 28 ? `${title.slice(0, 27)}…` : title
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${POSTER_WIDTH}" height="${POSTER_HEIGHT}" viewBox="0 0 ${POSTER_WIDTH} ${POSTER_HEIGHT}">
  <defs>
    <linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${from}"/>
      <stop offset="1" stop-color="${to}"/>
    </linearGradient>
  </defs>
  <rect width="100%" height="100%" fill="url(#g)"/>
  <circle cx="${POSTER_WIDTH / 2}" cy="220" r="120" fill="#ffffff" fill-opacity="0.12"/>
  <text x="50%" y="258" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="112" font-weight="bold" fill="#ffffff">${escapeXml(initialsOf(title))}</text>
  <text x="50%" y="470" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="24" fill="#ffffff" fill-opacity="0.9">${escapeXml(label)}</text>
</svg>`
  return sharp(Buffer.from(svg)).webp({ quality: 82 }).toBuffer()
}
