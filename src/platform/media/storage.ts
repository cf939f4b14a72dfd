import type { Plugin } from 'payload'

import { s3Storage } from '@payloadcms/storage-s3'

import type { StorageConfig } from '../config/storage'

/**
 * S3 when S3_BUCKET is set, local disk otherwise. The plugin is always installed with
 * `alwaysInsertFields` and a prefix so the media table has the same columns either way: one set
 * of migrations serves both.
 */
export const mediaStoragePlugin = ({ s3 }: StorageConfig): Plugin =>
  s3Storage({
    enabled: Boolean(s3),
    alwaysInsertFields: true,
    collections: { media: { prefix: 'media' }, avatars: { prefix: 'avatars' } },
    bucket: s3?.bucket ?? 'unused',
    config: {
      endpoint: s3?.endpoint,
      region: s3?.region ?? 'us-east-1',
      forcePathStyle: s3?.forcePathStyle ?? false,
      credentials:
        s3?.accessKeyId && s3.secretAccessKey
          ? { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey }
          : undefined,
      // S3-compatible servers (MinIO, s3rver) mishandle the SDK's default streaming checksums.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    },
  })
