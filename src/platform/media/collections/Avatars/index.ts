import type { CollectionConfig } from 'payload'

import { platformAccessPolicy } from '@/platform/accessPolicy'
import { collectionAccess, isAdminField } from '@/platform/auth'
import { AVATAR_MIME_TYPES, isAllowedAvatarFormat } from '../../allowedImageTypes'
import { verifyImageContent } from '../Media/hooks/verifyImageContent'
import { assignOwner } from './hooks/assignOwner'
import { randomizeFilename } from './hooks/randomizeFilename'
import { serveFromMediaRoute } from './hooks/serveFromMediaRoute'

type AvatarOptions = {
  staticDir: string
  maxBytes: number
  maxImagePixels: number
}

const square = (name: string, side: number) => ({
  name,
  width: side,
  height: side,
  fit: 'cover' as const,
  position: 'centre',
  // Every avatar has all three squares, even from a small original (Payload omits them otherwise).
  withoutEnlargement: false,
  formatOptions: { format: 'webp' as const, options: { quality: 85 } },
})

/**
 * Profile pictures. Every upload is decoded and re-encoded by sharp (as WebP, which drops EXIF and
 * other metadata) into square 128/256/512 versions; the original is re-encoded too. Files get random
 * names and are served at /media/avatars/<file> (src/app/media/avatars/[filename]/route.ts).
 */
export const createAvatarsCollection = ({ staticDir, maxBytes, maxImagePixels }: AvatarOptions): CollectionConfig => ({
  slug: 'avatars',
  admin: {
    group: 'Media',
    defaultColumns: ['filename', 'owner', 'updatedAt'],
  },
  access: collectionAccess(platformAccessPolicy.collections.avatars),
  hooks: {
    beforeOperation: [
      verifyImageContent({
        maxBytes,
        maxPixels: maxImagePixels,
        accepts: isAllowedAvatarFormat,
        acceptedDescription: 'JPEG, PNG, WebP or AVIF',
        requireFile: true,
      }),
      randomizeFilename,
    ],
    beforeChange: [assignOwner],
    afterRead: [serveFromMediaRoute],
  },
  fields: [
    {
      name: 'owner',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      access: { update: isAdminField },
      admin: { readOnly: true },
    },
  ],
  upload: {
    staticDir,
    mimeTypes: AVATAR_MIME_TYPES,
    adminThumbnail: 'small',
    // Re-encoding the original strips its metadata as well; 1024 px is plenty for a face.
    resizeOptions: { width: 1024, height: 1024, fit: 'inside', withoutEnlargement: true },
    formatOptions: { format: 'webp', options: { quality: 85 } },
    imageSizes: [square('small', 128), square('medium', 256), square('large', 512)],
  },
})
