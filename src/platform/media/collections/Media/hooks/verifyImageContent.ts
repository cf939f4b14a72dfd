import type { CollectionBeforeOperationHook } from 'payload'

import { APIError, ValidationError } from 'payload'
import sharp, { type Metadata } from 'sharp'

import { isAllowedDecodedFormat } from '@/platform/media/allowedImageTypes'

const refuse = (collection: string, message: string): never => {
  throw new ValidationError({ collection, errors: [{ message, path: 'file' }] })
}

type ImageRules = {
  /** Refused with 413 above this many bytes (beyond Payload's global upload limit). */
  maxBytes?: number
  /** Refused above this many pixels, read from the header before anything is decoded. */
  maxPixels: number
  /** Decoded formats accepted; defaults to every allowed raster format. */
  accepts?: (format: string | undefined, compression: string | undefined) => boolean
  acceptedDescription?: string
  /**
   * On create through the API, insist on the file itself. Otherwise a JSON body with `url` and
   * `filename` makes Payload fetch the file from that URL after this hook has run, unchecked.
   */
  requireFile?: boolean
}

/**
 * Decodes the uploaded bytes and accepts them only if they really are an allowed raster image of
 * sane size. Payload's own check falls back to the file name when it cannot sniff a type, so a text
 * file named `.png` would otherwise pass; a 20000 x 20000 image would make sharp fail with a 500.
 */
export const verifyImageContent =
  ({
    maxBytes,
    maxPixels,
    accepts = isAllowedDecodedFormat,
    acceptedDescription = 'JPEG, PNG, WebP, AVIF or GIF',
    requireFile = false,
  }: ImageRules): CollectionBeforeOperationHook =>
  async ({ args, collection, operation, overrideAccess, req }) => {
    if (operation !== 'create' && operation !== 'update') return args
    const file = req.file
    if (req.context.skipImageVerification) return args
    if (!file) {
      const duplicating = (args as { duplicateFromID?: unknown }).duplicateFromID !== undefined
      if (requireFile && operation === 'create' && !overrideAccess && !duplicating) {
        refuse(collection.slug, `Send the image itself (${acceptedDescription}); files are not fetched from URLs.`)
      }
      return args
    }
    if (maxBytes !== undefined && file.size > maxBytes) {
      throw new APIError(`The file is too large: at most ${Math.floor(maxBytes / 1024 / 1024)} MB.`, 413, { path: 'file' }, true)
    }

    let metadata: Metadata | undefined
    try {
      metadata = await sharp(file.data, { animated: true, limitInputPixels: false }).metadata()
    } catch {
      refuse(collection.slug, `The file is not a readable image (${acceptedDescription}).`)
    }
    const { width, height, pageHeight, format, compression } = metadata ?? {}
    if (!width || !height) refuse(collection.slug, 'The file is not a readable image.')
    if ((width as number) * (pageHeight ?? (height as number)) > maxPixels) {
      refuse(collection.slug, `The image is too large: at most ${maxPixels.toLocaleString('en')} pixels (got ${width} x ${height}).`)
    }
    if (!accepts(format, compression)) {
      refuse(collection.slug, `Images of type "${format}" are not accepted; use ${acceptedDescription}.`)
    }
    return args
  }
