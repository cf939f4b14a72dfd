import pg from 'pg'

export type SchemaState = {
  database: string
  schema: string
  usersTableExists: boolean
  applied: string[]
  lastApplied: string | null
  pending: string[]
}

/**
 * Reads what the start-up guard needs to know: where we are connected, whether the schema exists
 * and which committed migrations are not applied yet. Throws if the database cannot be reached.
 */
export const inspectSchema = async (url: string, migrationNames: string[]): Promise<SchemaState> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, query_timeout: 10_000 })
  await client.connect()
  try {
    const where = await client.query<{ database: string; schema: string; users: string | null; migrations: string | null }>(
      `select current_database() as database, current_schema() as schema,
              to_regclass('users')::text as users, to_regclass('payload_migrations')::text as migrations`,
    )
    const { database, schema, users, migrations } = where.rows[0]
    let applied: string[] = []
    let lastApplied: string | null = null
    if (migrations) {
      // batch -1 is the marker Payload's dev push mode writes; it is not a migration.
      const result = await client.query<{ name: string }>(
        `select name from payload_migrations where batch is distinct from -1 order by created_at, id`,
      )
      applied = result.rows.map((row) => row.name)
      lastApplied = applied.at(-1) ?? null
    }
    const appliedSet = new Set(applied)
    return {
      database,
      schema,
      usersTableExists: Boolean(users),
      applied,
      lastApplied,
      pending: migrationNames.filter((name) => !appliedSet.has(name)),
    }
  } finally {
    await client.end().catch(() => undefined)
  }
}
