import { describe, expect, it } from 'vitest'

import { ROLES } from '@/platform/auth'
import { registerDocumentation } from '@/platform/auth/endpoints/documentation'

type Schema = { properties?: Record<string, Schema>; items?: Schema; enum?: unknown[]; $ref?: string; oneOf?: Schema[] }

describe('the auth endpoints documentation', () => {
  it('lists the roles of the roles constant in the profile schema', () => {
    const created = registerDocumentation.responses?.['201'] as { content: Record<string, { schema: Schema }> }
    // Signed in (a token pair), or created awaiting email verification: both carry the profile.
    const answers = created.content['application/json'].schema.oneOf ?? []
    expect(answers).toHaveLength(2)
    for (const answer of answers) expect(answer.properties?.user?.properties?.roles?.items?.enum).toEqual([...ROLES])
  })

  it('answers errors with the shared Error schema', () => {
    const refused = registerDocumentation.responses?.['409'] as { content: Record<string, { schema: Schema }> }
    expect(refused.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' })
  })
})
