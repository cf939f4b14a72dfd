/** MIME types accepted for upload. SVG is deliberately absent: it can carry script. */
export const ALLOWED_IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif']

/** Avatars: still images only. */
export const AVATAR_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif']

/** The same list as sharp names decoded formats (AVIF decodes as HEIF with AV1 compression). */
export const isAllowedDecodedFormat = (format: string | undefined, compression: string | undefined): boolean => {
  switch (format) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'gif':
      return true
    case 'heif':
      return compression === 'av1'
    default:
      return false
  }
}

export const isAllowedAvatarFormat = (format: string | undefined, compression: string | undefined): boolean =>
  format !== 'gif' && isAllowedDecodedFormat(format, compression)
