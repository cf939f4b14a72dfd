import type { CollectionBeforeOperationHook } from 'payload'

import { randomBytes } from 'node:crypto'

/**
 * Every stored avatar gets a fresh random name: the uploader's file name (which may say who or where
 * they are) is not published, and a name is never reused after a delete or a replacement, so
 * /media/avatars/<file> can be cached as immutable.
 */
export const randomizeFilename: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if ((operation === 'create' || operation === 'update') && req.file) {
    // The extension is replaced by the re-encoded format's (webp) when the file is written.
    const extension = /\.([a-z0-9]{1,5})$/i.exec(req.file.name)?.[1]?.toLowerCase() ?? 'img'
    req.file.name = `${randomBytes(12).toString('hex')}.${extension}`
  }
  return args
}
