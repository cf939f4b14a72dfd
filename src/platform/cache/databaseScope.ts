import { createHash } from 'node:crypto'

import { effectiveDatabaseUrl, getAppConfig } from '../config'

/**
 * A short name for this deployment's database. Ids are only unique within one database, so Redis
 * keys and channels carry it: deployments (or test runs) that share a Redis never mix their data.
 */
export const databaseScope = (): string => {
  const url = new URL(effectiveDatabaseUrl(getAppConfig().database))
  return createHash('sha256').update(`${url.hostname}:${url.port}${url.pathname}`).digest('hex').slice(0, 16)
}
