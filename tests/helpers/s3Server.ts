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
