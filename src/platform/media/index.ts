export { createMediaCollection } from './collections/Media'
export { mediaStoragePlugin } from './storage'
export { ALLOWED_IMAGE_MIME_TYPES } from './allowedImageTypes'
