export { createMediaCollection } from './collections/Media'
export { createAvatarsCollection } from './collections/Avatars'
export { mediaStoragePlugin } from './storage'
export { ALLOWED_IMAGE_MIME_TYPES, AVATAR_MIME_TYPES } from './allowedImageTypes'
