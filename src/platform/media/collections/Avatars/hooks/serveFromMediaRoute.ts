import type { CollectionAfterReadHook } from 'payload'

import type { Avatar } from '@/payload-types'

export const AVATAR_ROUTE = '/media/avatars'

type Sized = { filename?: string | null; url?: string | null }

const urlOf = (filename: string) => `${AVATAR_ROUTE}/${encodeURIComponent(filename)}`

/** The file name a Payload file URL (`/api/avatars/file/<name>?prefix=...`) points at. */
const filenameOfUrl = (url: string): string | undefined => {
  try {
    const last = new URL(url, 'http://localhost').pathname.split('/').pop()
    return last ? decodeURIComponent(last) : undefined
  } catch {
    return undefined
  }
}

/** Avatars are served at /media/avatars/<file> (from disk or S3): point every URL there. */
export const serveFromMediaRoute: CollectionAfterReadHook<Avatar> = ({ doc }) => {
  if (doc.filename) doc.url = urlOf(doc.filename)
  const sizes = doc.sizes as Record<string, Sized> | undefined
  if (sizes) {
    for (const size of Object.values(sizes)) {
      if (size?.filename) size.url = urlOf(size.filename)
    }
  }
  // The admin panel's thumbnail (the `small` size) is served from the same route.
  if (typeof doc.thumbnailURL === 'string') {
    const filename = filenameOfUrl(doc.thumbnailURL)
    doc.thumbnailURL = filename ? urlOf(filename) : null
  }
  return doc
}
