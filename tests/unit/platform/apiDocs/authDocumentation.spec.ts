import { describe, expect, it } from 'vitest'

import { ROLES } from '../../../../src/platform/auth'
import { registerDocumentation } from '../../../../src/platform/auth/endpoints/documentation'

type Schema = { properties?: Record<string, Schema>; items?: Schema; enum?: unknown[]; $ref?: string }

describe('the auth endpoints documentation', () => {
  it('lists the roles of the roles constant in the profile schema', () => {
    const created = registerDocumentation.responses?.['201'] as { content: Record<string, { schema: Schema }> }
    const profile = created.content['application/json'].schema.properties?.user
    expect(profile?.properties?.roles?.items?.enum).toEqual([...ROLES])
  })

  it('answers errors with the shared Error schema', () => {
    const refused = registerDocumentation.responses?.['409'] as { content: Record<string, { schema: Schema }> }
    expect(refused.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' })
  })
})
