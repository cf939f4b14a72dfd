import fs from 'node:fs'
import path from 'node:path'

import type { NextConfig } from 'next'

type NextAppOptions = {
  dev: boolean
  dir: string
  hostname: string
  port: number
  conf?: NextConfig
}

/**
 * Options for `next({...})` in server.ts. In production the config comes from the build
 * (.next/required-server-files.json), the way Next's own standalone server.js does it: the
 * standalone directory (`npm start`, the Docker image) has no next.config.mjs, nor the packages it
 * imports. The environment variable tells Next not to load or re-validate a config file.
 */
export const nextAppOptions = ({ dev, dir, port }: { dev: boolean; dir: string; port: number }): NextAppOptions => {
  const options: NextAppOptions = { dev, dir, hostname: '0.0.0.0', port }
  if (dev) return options
  const manifest = path.join(dir, '.next', 'required-server-files.json')
  if (!fs.existsSync(manifest)) return options
  const { config } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { config: NextConfig }
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config)
  return { ...options, conf: config }
}
