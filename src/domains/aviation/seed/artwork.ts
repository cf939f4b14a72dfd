import { createHash } from 'node:crypto'
import sharp from 'sharp'

export type ArtworkKind = 'aircraft' | 'cover' | 'portrait'

/** Landscape for aircraft and covers, upright for portraits: the shapes the pages show them in. */
const SIZES: Record<ArtworkKind, [number, number]> = { aircraft: [800, 450], cover: [800, 450], portrait: [360, 450] }

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!)

/** A sky-like gradient picked from the name's hash: every entry differs, every run draws the same. */
const paletteOf = (name: string): [string, string] => {
  const hue = 180 + (createHash('sha256').update(name).digest()[0] % 80)
  return [`hsl(${hue}, 60%, 55%)`, `hsl(${(hue + 30) % 360}, 65%, 20%)`]
}

/** A simple swept-wing silhouette (aircraft, covers) or a head-and-shoulders outline (portraits). */
const figure = (kind: ArtworkKind, width: number): string =>
  kind === 'portrait'
    ? `<circle cx="${width / 2}" cy="170" r="70" fill="#fff" fill-opacity="0.25"/><rect x="${width / 2 - 110}" y="250" width="220" height="140" rx="90" fill="#fff" fill-opacity="0.25"/>`
    : `<path d="M ${width / 2 - 220} 200 L ${width / 2 + 200} 190 L ${width / 2 + 240} 200 L ${width / 2 + 200} 210 L ${width / 2 - 220} 205 Z M ${width / 2 - 20} 195 L ${width / 2 - 120} 80 L ${width / 2 - 60} 80 L ${width / 2 + 60} 195 Z M ${width / 2 - 20} 205 L ${width / 2 - 120} 320 L ${width / 2 - 60} 320 L ${width / 2 + 60} 205 Z M ${width / 2 - 200} 200 L ${width / 2 - 240} 140 L ${width / 2 - 215} 140 L ${width / 2 - 170} 198 Z" fill="#fff" fill-opacity="0.8"/>`

/**
 * Demo artwork for an encyclopedia entry: a gradient, a silhouette and the entry's name, drawn as
 * SVG and rendered by sharp into a WebP. Generated, not downloaded: the seed needs no network.
 */
export const renderArtwork = async (kind: ArtworkKind, name: string): Promise<Buffer> => {
  const [width, height] = SIZES[kind]
  const [from, to] = paletteOf(name)
  const label = name.length > 40 ? `${name.slice(0, 39)}…` : name
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#g)"/>
  ${figure(kind, width)}
  <text x="50%" y="${height - 36}" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="${kind === 'portrait' ? 26 : 34}" font-weight="bold" fill="#ffffff">${escapeXml(label)}</text>
</svg>`
  return sharp(Buffer.from(svg)).webp({ quality: 80 }).toBuffer()
}
