import { errorResponse, json, type EndpointDocumentation } from '@/platform/apiDocs'

import { ANIME_KINDS, ANIME_STATUSES } from '../options'
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_PAGE, MAX_QUERY_LENGTH, SEARCH_SORTS, SUGGEST_LIMIT } from '../search/params'

/** OpenAPI documentation of the anime endpoints, carried in their `custom.openapi`. */

const TAGS = ['anime']
const query = (name: string, description: string, schema: Record<string, unknown>) => ({ name, in: 'query' as const, description, schema })

const nullableString = { type: ['string', 'null'] }
const searchDoc = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    slug: nullableString,
    title: { type: 'string' },
    titleEnglish: nullableString,
    titleJapanese: nullableString,
    titleRussian: nullableString,
    year: { type: ['integer', 'null'] },
    kind: nullableString,
    status: nullableString,
    score: { type: ['number', 'null'] },
    poster: {
      type: ['object', 'null'],
      properties: { url: nullableString, thumbnail: nullableString, card: nullableString, hero: nullableString },
    },
  },
  required: ['id', 'title'],
}

const textQuery = query('q', `Search text (at most ${MAX_QUERY_LENGTH} characters; typos tolerated).`, {
  type: 'string',
  maxLength: MAX_QUERY_LENGTH,
})

export const searchDocumentation: EndpointDocumentation = {
  tags: TAGS,
  summary: 'Search published anime (full text and fuzzy), with filters',
  description: 'Every parameter is optional; a parameter given twice or out of range is a 400 naming it.',
  security: [],
  parameters: [
    textQuery,
    query('genre', 'Genre slug, e.g. `slice-of-life`.', { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' }),
    query('kind', 'Kind.', { type: 'string', enum: [...ANIME_KINDS] }),
    query('status', 'Airing status.', { type: 'string', enum: [...ANIME_STATUSES] }),
    query('year', 'Start year.', { type: 'integer', minimum: 1900, maximum: 2100 }),
    query('sort', '`relevance` (default with `q`, else `score`), `score`, `popularity` or `newest`.', {
      type: 'string',
      enum: [...SEARCH_SORTS],
    }),
    query('page', 'Page number.', { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 }),
    query('limit', `Results per page (larger values are capped at ${MAX_LIMIT}).`, { type: 'integer', minimum: 1, default: DEFAULT_LIMIT }),
  ],
  responses: {
    '200': {
      description: 'A page of results.',
      content: json({
        type: 'object',
        properties: {
          docs: { type: 'array', items: searchDoc },
          page: { type: 'integer' },
          limit: { type: 'integer' },
          hasNextPage: { type: 'boolean' },
        },
        required: ['docs', 'page', 'limit', 'hasNextPage'],
      }),
    },
    '400': errorResponse('A bad parameter; `field` names it.'),
  },
}

export const suggestDocumentation: EndpointDocumentation = {
  tags: TAGS,
  summary: 'Title suggestions for autocomplete',
  description: `At most ${SUGGEST_LIMIT} published titles; an empty \`q\` gives none.`,
  security: [],
  parameters: [textQuery, query('limit', `At most ${SUGGEST_LIMIT}.`, { type: 'integer', minimum: 1, maximum: SUGGEST_LIMIT })],
  responses: {
    '200': {
      description: 'Suggestions.',
      content: json({
        type: 'object',
        properties: {
          docs: {
            type: 'array',
            items: {
              type: 'object',
              properties: { id: { type: 'integer' }, slug: nullableString, title: { type: 'string' } },
              required: ['id', 'title'],
            },
          },
        },
        required: ['docs'],
      }),
    },
    '400': errorResponse('A bad parameter; `field` names it.'),
  },
}

export const viewDocumentation: EndpointDocumentation = {
  tags: TAGS,
  summary: 'Count a view of a published anime (and record the signed-in user’s history)',
  description:
    'Anyone may call it. For a signed-in user the view goes into their history (`views`) and repeated views within 30 minutes count once.',
  parameters: [{ name: 'id', in: 'path', required: true, description: 'Anime id.', schema: { type: 'integer', minimum: 1 } }],
  requestBody: {
    required: false,
    content: json({
      type: 'object',
      properties: { episode: { type: ['integer', 'null'], minimum: 0 }, progressSeconds: { type: ['number', 'null'], minimum: 0 } },
    }),
  },
  responses: {
    '200': {
      description: 'Whether this view counted, the new count, and (signed in) the history row.',
      content: json({
        type: 'object',
        properties: {
          counted: { type: 'boolean' },
          viewCount: { type: 'integer' },
          view: {
            type: 'object',
            properties: {
              id: { type: 'integer' },
              anime: { type: 'integer' },
              episode: { type: ['integer', 'null'] },
              progressSeconds: { type: ['number', 'null'] },
              lastViewedAt: { type: 'string', format: 'date-time' },
            },
          },
        },
        required: ['counted', 'viewCount'],
      }),
    },
    '400': errorResponse('A bad body; `field` names it.'),
    '404': errorResponse('No published anime with this id.'),
  },
}
