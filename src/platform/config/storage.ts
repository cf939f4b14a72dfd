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
  /** Set when S3_BUCKET is set; otherwise media are written to the local `media/` folder. */
  s3: S3Config | undefined
}

export const readStorageConfig = (env: Env): StorageConfig => {
  const bucket = readVar(env, 'S3_BUCKET')
  const maxUploadMb = parseInteger(env, 'MEDIA_MAX_UPLOAD_MB', 10, { min: 1, max: 1024 })
  return {
    maxUploadBytes: maxUploadMb * 1024 * 1024,
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
