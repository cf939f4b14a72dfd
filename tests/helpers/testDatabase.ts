import { inject } from 'vitest'

import { runMigrations } from '@/platform/database/runMigrations'
import { createTestDatabase, type TestDatabase } from './scratchDatabase'
import { TEST_SECRET } from './testSecret'

export { createTestDatabase, type TestDatabase } from './scratchDatabase'

/**
 * A fresh database with every committed migration applied: a copy of the template that the global
 * setup (migratedTemplate.ts) migrated with `payload migrate`, or, when a file runs without that
 * setup, migrated here the same way.
 */
export const createMigratedTestDatabase = async (label: string): Promise<TestDatabase> => {
  const template = inject('migratedTemplate')
  if (template) return createTestDatabase(label, template)
  const database = await createTestDatabase(label)
  await runMigrations(database.url, process.cwd(), { SECRET_KEY: TEST_SECRET, S3_BUCKET: '' })
  return database
}
