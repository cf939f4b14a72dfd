import { type Env, parseBoolean, parseHttpUrl, parseInteger, readVar } from './parsers'

export type S3Config = {
  bucket: string
  endpoint: string | undefined
  region: string
  accessKeyId: string | undefined
  secretAccessKey: string | undefined
  forcePathStyle: boolean
}

export type StorageConfig = {
  /** Largest accepted upload, in bytes. */
  maxUploadBytes: number
  /** Largest accepted avatar upload, in bytes. */
  avatarMaxBytes: number
  /** Largest accepted image in pixels (width x height); bigger ones are refused before decoding. */
  maxImagePixels: number
  /** Set when S3_BUCKET is set; otherwise media are written to the local `media/` folder. */
  s3: S3Config | undefined
}

export const readStorageConfig = (env: Env): StorageConfig => {
  const bucket = readVar(env, 'S3_BUCKET')
  const maxUploadMb = parseInteger(env, 'MEDIA_MAX_UPLOAD_MB', 10, { min: 1, max: 1024 })
  return {
    maxUploadBytes: maxUploadMb * 1024 * 1024,
    avatarMaxBytes: parseInteger(env, 'AVATAR_MAX_UPLOAD_MB', 5, { min: 1, max: 100 }) * 1024 * 1024,
    // sharp's own ceiling is 268 million pixels; 50 million is a 7000 x 7000 photo.
    maxImagePixels: parseInteger(env, 'MAX_IMAGE_PIXELS', 50_000_000, { min: 1, max: 268_402_689 }),
    s3: bucket
      ? {
          bucket,
          endpoint: parseHttpUrl(env, 'S3_ENDPOINT'),
          region: readVar(env, 'S3_REGION') ?? 'us-east-1',
          accessKeyId: readVar(env, 'S3_ACCESS_KEY_ID'),
          secretAccessKey: readVar(env, 'S3_SECRET_ACCESS_KEY'),
          forcePathStyle: parseBoolean(env, 'S3_FORCE_PATH_STYLE', false),
        }
      : undefined,
  }
}
