/**
 * server.ts is bundled on its own (npm run build:server) and runs before Next: whatever it imports
 * is loaded at start-up, before the first /health can answer. Payload is not among it: Next's
 * bundle carries its own copy, loaded for the first API request anyway, and Payload's package costs
 * ~1 s of CPU to import (issue 13 §8, cold start <= 3 s). A barrel import (`@/platform/auth`) in a
 * file server.ts reaches is the usual way it comes back.
 */
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

/** Packages server.ts has no use for at start-up, each costing tens to hundreds of ms to import. */
const NOT_AT_START_UP = [/^payload(\/|$)/, /^@payloadcms\//, /^qrcode$/, /^passport/, /^nodemailer/]

describe('the server bundle (server.ts)', () => {
  it('imports neither Payload nor the sign-in and mail packages', async () => {
    const result = await build({
      entryPoints: ['server.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      metafile: true,
      logLevel: 'silent',
    })
    const offending = Object.entries(result.metafile.inputs).flatMap(([file, input]) =>
      input.imports
        .filter((entry) => entry.external && entry.kind !== 'import-rule' && NOT_AT_START_UP.some((pattern) => pattern.test(entry.path)))
        .map((entry) => `${file} imports ${entry.path}`),
    )
    expect(offending).toEqual([])
  }, 60_000)
})
