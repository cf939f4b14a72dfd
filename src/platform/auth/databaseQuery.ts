import type { Payload } from 'payload'
import type { Pool } from 'pg'

import { poolQuery, type SqlQuery } from './tokens/sessionStore'

/** Plain SQL over the Postgres adapter's own pool (outside any request transaction). */
export const databaseQuery = (payload: Payload): SqlQuery => poolQuery((payload.db as unknown as { pool: Pool }).pool)
