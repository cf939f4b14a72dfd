import { describe, expect, it } from 'vitest'

import { spreadPermissions } from '@/platform/http/readParams/guardGlobalQueries'

// The shape of Payload's GraphQL policy types, told apart by `getFields` and `ofType` as graphql does.
const leaf = { getFields: () => ({ permission: { type: {} }, where: { type: {} } }) }
const object = (fields: Record<string, unknown>) => ({
  getFields: () => Object.fromEntries(Object.entries(fields).map(([name, type]) => [name, { type }])),
})
const policy = object({ read: leaf, delete: { ofType: leaf }, fields: object({ name: object({ read: leaf, update: leaf }) }) })

describe('spreadPermissions', () => {
  it('spreads a sanitized `true` down to every leaf', () => {
    expect(spreadPermissions({ read: true, delete: true, fields: true }, policy as never)).toEqual({
      read: { permission: true },
      delete: { permission: true },
      fields: { name: { read: { permission: true }, update: { permission: true } } },
    })
  })

  it('reads what sanitizing left out as denied, and keeps a leaf that carries a where', () => {
    expect(spreadPermissions({ read: { permission: true, where: { a: 1 } }, fields: { name: { read: true } } }, policy as never)).toEqual({
      read: { permission: true, where: { a: 1 } },
      delete: { permission: false },
      fields: { name: { read: { permission: true }, update: { permission: false } } },
    })
  })
})
