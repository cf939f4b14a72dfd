import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * The swagger-ui-dist files the docs page loads, and nothing else: the asset endpoint serves only
 * these names, so no other file of the package (or the disk) can be read through it.
 */
export const SWAGGER_UI_ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'index.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
}

/**
 * The package directory, resolved as a module (not from the working directory), so it is found
 * wherever node_modules is; next.config.mjs traces these files into the standalone output.
 */
const packageDir = (): string => {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))
  } catch {
    // A bundler that rewrote import.meta.url: fall back to the app's own node_modules.
    return path.join(process.cwd(), 'node_modules', 'swagger-ui-dist')
  }
}

const cache = new Map<string, Promise<Buffer>>()

/** The file's bytes, read once per process; undefined for a name outside the whitelist. */
export const readSwaggerUiAsset = (name: string): Promise<Buffer> | undefined => {
  if (!Object.hasOwn(SWAGGER_UI_ASSETS, name)) return undefined
  let file = cache.get(name)
  if (!file) {
    file = fs.readFile(path.join(packageDir(), name))
    // A failed read is retried next time rather than remembered.
    file.catch(() => cache.delete(name))
    cache.set(name, file)
  }
  return file
}

/** The installed version, appended to asset URLs so they can be cached for good. */
export const swaggerUiVersion = async (): Promise<string> => {
  const manifest = JSON.parse(await fs.readFile(path.join(packageDir(), 'package.json'), 'utf8')) as { version?: string }
  return manifest.version ?? '0'
}
