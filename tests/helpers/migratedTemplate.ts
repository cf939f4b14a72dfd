import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { TestProject } from 'vitest/node'

import { runMigrations } from '@/platform/database/runMigrations'
import { createTestDatabase } from './scratchDatabase'
import { TEST_SECRET } from './testSecret'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A database with every committed migration applied, for CREATE DATABASE ... TEMPLATE. */
    migratedTemplate: string
  }
}

const migrationsFingerprint = (cwd: string): string => {
  const dir = path.join(cwd, 'migrations')
  const hash = createHash('sha1')
  for (const file of fs.readdirSync(dir).sort()) hash.update(file).update(fs.readFileSync(path.join(dir, file)))
  return hash.digest('hex').slice(0, 8)
}

/**
 * Vitest global setup: runs `payload migrate` once per test run, into a template database that
 * every test file then copies (a file copy, well under a second). Migrating per file cost a CLI
 * start each (3-5 s) and multiplied the CLI's occasional silent no-op runs (see runMigrations).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cwd = process.cwd()
  const template = await createTestDatabase(`template_${migrationsFingerprint(cwd)}`)
  await runMigrations(template.url, cwd, { SECRET_KEY: TEST_SECRET, S3_BUCKET: '' })
  project.provide('migratedTemplate', template.name)
  return template.drop
}
