import { describe, expect, it } from 'vitest'

import { buildOperation, endpointDocumentation, operationIdFor, toOpenApiPaths } from '@/platform/apiDocs/endpointOperations'

describe('toOpenApiPaths', () => {
  it('turns Express-style parameters into OpenAPI ones under the prefix', () => {
    expect(toOpenApiPaths('/api/anime', '/')).toEqual(['/api/anime'])
    expect(toOpenApiPaths('/api/anime', '/:id/view')).toEqual(['/api/anime/{id}/view'])
    expect(toOpenApiPaths('/api', '/auth/sessions/:id')).toEqual(['/api/auth/sessions/{id}'])
  })

  it('splits an optional segment into the path without it and the path with it', () => {
    expect(toOpenApiPaths('/api/media', '/paste-url/:id?')).toEqual(['/api/media/paste-url', '/api/media/paste-url/{id}'])
  })
})

describe('buildOperation', () => {
  it("uses the endpoint's custom.openapi over the generic default", () => {
    const documented = endpointDocumentation({
      custom: { openapi: { summary: 'Search', responses: { '200': { description: 'Results.' } } } },
    })
    const operation = buildOperation({ method: 'get', path: '/api/anime/search', tag: 'anime', documented })
    expect(operation).toMatchObject({
      summary: 'Search',
      tags: ['anime'],
      operationId: 'getApiAnimeSearch',
      responses: { '200': { description: 'Results.' } },
    })
    expect(operation.description).toBeUndefined()
  })

  it('describes an undocumented endpoint generically and declares its path parameters', () => {
    const operation = buildOperation({ method: 'post', path: '/api/things/{id}/poke', tag: 'things' })
    expect(operation.summary).toBe('POST /api/things/{id}/poke')
    expect(operation.description).toMatch(/custom\.openapi/)
    expect(operation.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }])
  })

  it('drops a documented path parameter the path does not have (the short form of an optional segment)', () => {
    const documented = { parameters: [{ name: 'id', in: 'path' as const, required: true, schema: { type: 'string' } }] }
    expect(buildOperation({ method: 'get', path: '/api/media/paste-url', tag: 'media', documented }).parameters).toBeUndefined()
  })

  it('gives readable operation ids of letters and digits (Swagger UI deep links)', () => {
    expect(operationIdFor('delete', '/api/auth/sessions/{id}')).toBe('deleteApiAuthSessionsId')
    expect(operationIdFor('get', '/api/openapi.json')).toBe('getApiOpenapiJson')
    expect(operationIdFor('get', '/api/design-bureaus/count')).toBe('getApiDesignBureausCount')
  })
})
