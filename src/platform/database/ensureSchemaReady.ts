import type { Logger } from '../observability/logger'
import { inspectSchema } from './inspectSchema'
import { listMigrationNames } from './migrationFiles'

export class SchemaNotReadyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SchemaNotReadyError'
  }
}

/**
 * The start-up guard: refuse to serve unless the database answers and every committed migration
 * is applied. Logs where it looked, so a wrong DATABASE_URL or schema is obvious.
 */
export const ensureSchemaReady = async ({
  url,
  migrationDir,
  logger,
}: {
  url: string
  migrationDir: string
  logger: Logger
}): Promise<void> => {
  const migrations = listMigrationNames(migrationDir)
  let state
  try {
    state = await inspectSchema(url, migrations)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    logger.error({ host: safeHost(url), reason }, 'database is unreachable; refusing to serve')
    throw new SchemaNotReadyError(`database is unreachable: ${reason}`)
  }
  const { database, schema, lastApplied, pending, usersTableExists } = state
  if (pending.length > 0 || !usersTableExists) {
    logger.error(
      { database, schema, lastApplied, pending, usersTableExists },
      `database "${database}" (schema "${schema}") has ${pending.length} pending migration(s); last applied: ${lastApplied ?? 'none'}; pending: ${pending.join(', ') || 'none'}. Run "npm run migrate" first. Refusing to serve.`,
    )
    throw new SchemaNotReadyError('database schema is not migrated')
  }
  logger.info({ database, schema, lastApplied }, 'database schema is up to date')
}

const safeHost = (url: string): string => {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`
  } catch {
    return 'unparseable URL'
  }
}
