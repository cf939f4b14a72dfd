import type { CollectionConfig } from 'payload'

import { platformAccessPolicy } from '@/platform/accessPolicy'
import { collectionAccess } from '@/platform/auth'
import { ALLOWED_IMAGE_MIME_TYPES } from '../../allowedImageTypes'
import { verifyImageContent } from './hooks/verifyImageContent'

type MediaOptions = {
  /** Folder for local-disk storage; unused (but harmless) when S3 is configured. */
  staticDir: string
  maxImagePixels: number
}

export const createMediaCollection = ({ staticDir, maxImagePixels }: MediaOptions): CollectionConfig => ({
  slug: 'media',
  // Singular and plural are both "Media"; give GraphQL distinct names instead of `allMedia`.
  graphQL: { singularName: 'MediaItem', pluralName: 'Media' },
  admin: {
    group: 'Media',
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'mimeType', 'filesize', 'updatedAt'],
  },
  access: collectionAccess(platformAccessPolicy.collections.media),
  hooks: {
    // requireFile: the server never fetches an upload from a URL it is handed (no SSRF, no unchecked file).
    beforeOperation: [verifyImageContent({ maxPixels: maxImagePixels, requireFile: true })],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      maxLength: 300,
    },
  ],
  upload: {
    staticDir,
    mimeTypes: ALLOWED_IMAGE_MIME_TYPES,
    adminThumbnail: 'thumbnail',
    focalPoint: true,
    imageSizes: [
      { name: 'thumbnail', width: 300, height: 300, position: 'centre' },
      { name: 'card', width: 768, height: 432, position: 'centre' },
      { name: 'hero', width: 1920, withoutEnlargement: true },
    ],
  },
})
