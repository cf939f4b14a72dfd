import type { CollectionBeforeOperationHook } from 'payload'

import { ValidationError } from 'payload'
import sharp from 'sharp'

import { isAllowedDecodedFormat } from '../../../allowedImageTypes'

const refuse = (collection: string, message: string): never => {
  throw new ValidationError({ collection, errors: [{ message, path: 'file' }] })
}

/**
 * Decodes the uploaded bytes and accepts them only if they really are an allowed raster image.
 * Payload's own check falls back to the file name when it cannot sniff a type, so a text file
 * named `.png` would otherwise pass.
 */
export const verifyImageContent: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file || req.context.skipImageVerification) return args

  let format: string | undefined
  let compression: string | undefined
  try {
    const metadata = await sharp(file.data, { animated: true }).metadata()
    format = metadata.format
    compression = metadata.compression
    if (!metadata.width || !metadata.height) refuse(collection.slug, 'The file is not a readable image.')
  } catch (error) {
    if (error instanceof ValidationError) throw error
    refuse(collection.slug, 'The file is not a readable image (JPEG, PNG, WebP, AVIF or GIF).')
  }
  if (!isAllowedDecodedFormat(format, compression)) {
    refuse(collection.slug, `Images of type "${format}" are not accepted; use JPEG, PNG, WebP, AVIF or GIF.`)
  }
  return args
}
