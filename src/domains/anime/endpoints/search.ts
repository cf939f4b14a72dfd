import type { Endpoint } from 'payload'

import { asPayloadValidation, parseSearchParams, rawFromSearchParams, SEARCH_PARAMETER_NAMES, searchAnime } from '../search'

import { searchDocumentation } from './documentation'

/**
 * GET /api/anime/search?q=&genre=&kind=&status=&year=&sort=&page=&limit=
 * -> 200 { docs, page, limit, hasNextPage }; a bad parameter -> 400 naming it.
 * Published anime only, for everyone (staff included). Registered before Payload's own
 * `/:id` route, so `search` is never read as a document id. The server answers this route itself
 * (search/fastPath.ts) unless SEARCH_FAST_PATH=false; this handler is the same search through Payload.
 */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  custom: { openapi: searchDocumentation },
  handler: async (req) => {
    const params = asPayloadValidation(() => parseSearchParams(rawFromSearchParams(req.searchParams, SEARCH_PARAMETER_NAMES)))
    return Response.json(await searchAnime(req.payload, params))
  },
}
