import type { ReadOperation } from './checkReadParams'

export type ReadTarget = { entity: 'collection' | 'global'; slug: string; operation: ReadOperation; idIndex?: number }

/**
 * Which of Payload's built-in reads a route template (`/api/anime/:id`, as the metrics templater
 * matches it against Payload's endpoint table, custom endpoints first) is; undefined for any other
 * route (custom endpoints, auth, writes). `idIndex`: where the id is among the path's segments.
 */
export const readTargetOf = (template: string, apiRoute: string): ReadTarget | undefined => {
  const api = apiRoute.replace(/\/+$/, '')
  if (!template.startsWith(`${api}/`)) return undefined
  const base = api.split('/').filter(Boolean).length
  const parts = template.slice(api.length + 1).split('/')
  if (parts[0] === 'globals') {
    const [, slug, ...rest] = parts
    if (!slug) return undefined
    const route = rest.join('/')
    if (route === '') return { entity: 'global', slug, operation: 'findGlobal' }
    if (route === 'versions') return { entity: 'global', slug, operation: 'findVersions' }
    if (route === 'versions/:id') return { entity: 'global', slug, operation: 'findVersionByID', idIndex: base + 3 }
    return undefined
  }
  const [slug, ...rest] = parts
  if (!slug) return undefined
  switch (rest.join('/')) {
    case '':
      return { entity: 'collection', slug, operation: 'find' }
    case 'count':
      return { entity: 'collection', slug, operation: 'count' }
    case ':id':
      return { entity: 'collection', slug, operation: 'findByID', idIndex: base + 1 }
    case 'versions':
      return { entity: 'collection', slug, operation: 'findVersions' }
    case 'versions/:id':
      return { entity: 'collection', slug, operation: 'findVersionByID', idIndex: base + 2 }
    default:
      return undefined
  }
}
