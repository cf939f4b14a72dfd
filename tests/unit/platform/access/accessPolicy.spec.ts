import type { PayloadRequest, SanitizedConfig, Where } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import {
  entitiesOf,
  hasDrafts,
  operationsOf,
  payloadDefaultAccess,
  policyEntryOf,
  ROLES,
  type Policy,
  type Role,
} from '../../../helpers/accessPolicy'
import { TEST_SECRET } from '../../../helpers/testSecret'

/**
 * Walks the config Payload sanitized and fails when a collection or global leaves an access
 * operation to Payload's default, or does anything but what the policy table says.
 */

let config: SanitizedConfig
let policy: Policy
let defaults: Set<unknown>

beforeAll(async () => {
  Object.assign(process.env, { SECRET_KEY: TEST_SECRET, DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/unused' })
  const module = await import('@payload-config')
  config = await module.default
  policy = module.accessPolicy as unknown as Policy
  defaults = await payloadDefaultAccess()
})

describe('the access policy', () => {
  it('sees Payload’s defaults for what they are', () => {
    // The probe works: Payload's fallback functions are found, so a missing rule would be too.
    expect(defaults.size).toBeGreaterThanOrEqual(2)
  })

  it('gives every operation of every collection and global a rule of its own, the one in the table', () => {
    const problems: string[] = []
    for (const entity of entitiesOf(config)) {
      const entry = policyEntryOf(policy, entity)
      if (!entry) {
        problems.push(`${entity.kind} ${entity.slug}: no entry in the access policy`)
        continue
      }
      const operations = operationsOf(entity, config)
      for (const operation of operations) {
        const rule = entry[operation]
        if (!rule) problems.push(`${entity.slug}.${operation}: missing from the policy`)
        else if (defaults.has(rule)) problems.push(`${entity.slug}.${operation}: the policy names Payload's default`)
        // readDrafts is the policy's own (Payload has no such key); the rest must be in the config.
        if (operation === 'readDrafts') continue
        const configured = (entity.config.access as Record<string, unknown>)[operation]
        if (configured === undefined) problems.push(`${entity.slug}.${operation}: left to Payload's default (unset)`)
        else if (defaults.has(configured)) problems.push(`${entity.slug}.${operation}: left to Payload's default`)
        else if (rule && configured !== rule) problems.push(`${entity.slug}.${operation}: not the policy's rule`)
      }
      for (const operation of Object.keys(entry)) {
        if (!operations.includes(operation as never))
          problems.push(`${entity.slug}.${operation}: in the policy but not an operation of this ${entity.kind}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('has no entry for a collection or global that does not exist', () => {
    const slugs = new Set(entitiesOf(config).map((entity) => `${entity.kind}:${entity.slug}`))
    const stale = [
      ...Object.keys(policy.collections).map((slug) => `collection:${slug}`),
      ...Object.keys(policy.globals).map((slug) => `global:${slug}`),
    ].filter((key) => !slugs.has(key))
    expect(stale).toEqual([])
  })

  it('keeps drafts from whoever readDrafts refuses: read narrows to published documents, readVersions refuses', async () => {
    const userOf = (role: Role) => (role === 'anonymous' ? null : { id: 1, collection: 'users', roles: [role] })
    const publishedOnly = (where: Where): boolean => JSON.stringify(where).includes('"_status":{"equals":"published"}')
    const problems: string[] = []
    for (const entity of entitiesOf(config).filter(hasDrafts)) {
      const entry = policyEntryOf(policy, entity)!
      for (const role of ROLES) {
        const req = { user: userOf(role), payload: {} } as unknown as PayloadRequest
        const readsDrafts = await (entry.readDrafts as (args: { req: PayloadRequest }) => unknown)({ req })
        if (readsDrafts === true) continue
        expect(readsDrafts, `${entity.slug}.readDrafts for ${role} is a yes or a no`).toBe(false)
        const versions = await (entry.readVersions as (args: { req: PayloadRequest }) => unknown)({ req })
        if (versions !== false) problems.push(`${entity.slug}: ${role} reads versions without readDrafts`)
        const read = await (entry.read as (args: { req: PayloadRequest }) => unknown)({ req })
        if (read !== false && !(typeof read === 'object' && read && publishedOnly(read as Where))) {
          problems.push(`${entity.slug}: ${role} reads more than published documents without readDrafts (${JSON.stringify(read)})`)
        }
      }
    }
    expect(problems).toEqual([])
  })
})
