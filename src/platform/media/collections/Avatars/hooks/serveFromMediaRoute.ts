import type { CollectionAfterReadHook } from 'payload'

export const AVATAR_ROUTE = '/media/avatars'

type Sized = { filename?: string | null; url?: string | null }

/** Avatars are served at /media/avatars/<file> (from disk or S3): point every URL there. */
export const serveFromMediaRoute: CollectionAfterReadHook = ({ doc }) => {
  const urlOf = (filename: string | null | undefined) => (filename ? `${AVATAR_ROUTE}/${encodeURIComponent(filename)}` : null)
  if (doc.filename) doc.url = urlOf(doc.filename)
  const sizes = doc.sizes as Record<string, Sized> | undefined
  if (sizes) {
    for (const size of Object.values(sizes)) {
      if (size?.filename) size.url = urlOf(size.filename)
    }
  }
  return doc
}
