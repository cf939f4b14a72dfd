import { S3Client } from '@aws-sdk/client-s3'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'

import { freePort } from './freePort'

/** The credentials s3rver accepts (it checks signatures against this fixed key pair). */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const

export type RunningS3Server = {
  /** `http://127.0.0.1:PORT`, for S3_ENDPOINT with path-style addressing. */
  endpoint: string
  /** Stops the server and removes its data directory. */
  stop: () => Promise<void>
}

/**
 * Starts a real S3-compatible server (s3rver) on a free port with `buckets` already created,
 * storing its data in a temporary directory of its own.
 */
export const startS3Server = async (buckets: string[]): Promise<RunningS3Server> => {
  const directory = await mkdtemp(path.join(os.tmpdir(), 's3rver-'))
  const port = await freePort()
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    directory,
    silent: true,
    configureBuckets: buckets.map((name) => ({ name })),
  })
  try {
    await server.run()
  } catch (error) {
    await rm(directory, { recursive: true, force: true })
    throw error
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      try {
        await server.close()
      } finally {
        await rm(directory, { recursive: true, force: true })
      }
    },
  }
}

/** The app's storage variables for `bucket` on this server (path-style, s3rver's key pair). */
export const s3StorageEnv = (server: RunningS3Server, bucket: string): Record<string, string> => ({
  S3_BUCKET: bucket,
  S3_ENDPOINT: server.endpoint,
  S3_REGION: 'us-east-1',
  S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
  S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
  S3_FORCE_PATH_STYLE: 'true',
})

/** A client to look into the server's buckets (checksums only when required: s3rver predates them). */
export const s3ClientFor = (server: RunningS3Server): S3Client =>
  new S3Client({
    endpoint: server.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { ...S3RVER_CREDENTIALS },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
