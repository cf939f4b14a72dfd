import type { Payload, SanitizedConfig } from 'payload'

import { createMigratedTestDatabase, type TestDatabase } from './testDatabase'
import { TEST_SECRET } from './testSecret'
import { createRestClient, type RestClient } from './restClient'

export type PayloadInt = {
  payload: Payload
  config: SanitizedConfig
  rest: RestClient
  database: TestDatabase
  /** Closes Payload's pool and drops the test database. */
  cleanup: () => Promise<void>
}

/**
 * Boots Payload in-process against a fresh, migrated database of its own, as Payload's monorepo
 * does in `test/__helpers/shared/initPayloadInt.ts`. `env` is applied before the config is read
 * (the config module reads the environment once per test file).
 */
export const initPayloadInt = async (label: string, env: Record<string, string> = {}): Promise<PayloadInt> => {
  const database = await createMigratedTestDatabase(label)
  Object.assign(process.env, {
    SECRET_KEY: TEST_SECRET,
    DATABASE_URL: database.url,
    NEXT_TELEMETRY_DISABLED: '1',
    ...env,
  })
  const { getPayload } = await import('payload')
  const config = await (await import('@payload-config')).default
  const payload = await getPayload({ config })
  return {
    payload,
    config,
    rest: createRestClient(config),
    database,
    cleanup: async () => {
      await payload.destroy()
      await database.drop()
    },
  }
}
