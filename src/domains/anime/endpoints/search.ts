import type { Endpoint } from 'payload'

import { parseSearchParams, rawFromSearchParams, SEARCH_PARAMETER_NAMES, searchAnime } from '../search'

import { searchDocumentation } from './documentation'

/**
 * GET /api/anime/search?q=&genre=&kind=&status=&year=&sort=&page=&limit=
 * -> 200 { docs, page, limit, hasNextPage }; a bad parameter -> 400 naming it.
 * Published anime only, for everyone (staff included). Registered before Payload's own
 * `/:id` route, so `search` is never read as a document id.
 */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  custom: { openapi: searchDocumentation },
  handler: async (req) => {
    const params = parseSearchParams(rawFromSearchParams(req.searchParams, SEARCH_PARAMETER_NAMES))
    return Response.json(await searchAnime(req.payload, params))
  },
}
