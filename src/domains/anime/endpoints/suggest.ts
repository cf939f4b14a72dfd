import type { Endpoint } from 'payload'

import { asPayloadValidation, parseSuggestParams, rawFromSearchParams, SUGGEST_PARAMETER_NAMES, suggestAnime } from '../search'

import { suggestDocumentation } from './documentation'

/**
 * GET /api/anime/suggest?q=&limit= -> 200 { docs: [{ id, slug, title }] }, at most 10 published
 * titles for autocomplete (an empty q gives none). Served by the server's fast path like the search
 * (search/fastPath.ts) unless SEARCH_FAST_PATH=false.
 */
export const suggestEndpoint: Endpoint = {
  path: '/suggest',
  method: 'get',
  custom: { openapi: suggestDocumentation },
  handler: async (req) => {
    const params = asPayloadValidation(() => parseSuggestParams(rawFromSearchParams(req.searchParams, SUGGEST_PARAMETER_NAMES)))
    return Response.json({ docs: await suggestAnime(req.payload, params) })
  },
}
