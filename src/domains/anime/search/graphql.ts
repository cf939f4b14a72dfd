import type { GraphQLExtension, PayloadRequest } from 'payload'

import { ANIME_KINDS, ANIME_STATUSES } from '../options'
import { parseSearchParams, SEARCH_SORTS, type RawParams } from './params'
import { asPayloadValidation } from './payloadErrors'
import { searchAnime } from './searchAnime'

/**
 * `searchAnime(q, genre, kind, status, year, sort, page, limit)`: the REST search
 * (GET /api/anime/search) as a GraphQL query, with the same parameters, checks and results.
 * Wired in payload.config.ts as `graphQL.queries`.
 */
export const animeSearchQueries: GraphQLExtension = (GraphQL) => {
  const { GraphQLBoolean, GraphQLEnumType, GraphQLFloat, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } =
    GraphQL
  const enumOf = (name: string, values: readonly string[]) =>
    new GraphQLEnumType({ name, values: Object.fromEntries(values.map((value) => [value, { value }])) })

  const poster = new GraphQLObjectType({
    name: 'AnimeSearchPoster',
    description: 'URLs of the poster and of its generated sizes (null where a size was not made).',
    fields: {
      url: { type: GraphQLString },
      thumbnail: { type: GraphQLString },
      card: { type: GraphQLString },
      hero: { type: GraphQLString },
    },
  })
  const doc = new GraphQLObjectType({
    name: 'AnimeSearchDoc',
    fields: {
      id: { type: new GraphQLNonNull(GraphQLInt) },
      slug: { type: GraphQLString },
      title: { type: new GraphQLNonNull(GraphQLString) },
      titleEnglish: { type: GraphQLString },
      titleJapanese: { type: GraphQLString },
      titleRussian: { type: GraphQLString },
      year: { type: GraphQLInt },
      kind: { type: GraphQLString },
      status: { type: GraphQLString },
      score: { type: GraphQLFloat },
      poster: { type: poster },
    },
  })
  const page = new GraphQLObjectType({
    name: 'AnimeSearchPage',
    fields: {
      docs: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(doc))) },
      page: { type: new GraphQLNonNull(GraphQLInt) },
      limit: { type: new GraphQLNonNull(GraphQLInt) },
      hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) },
    },
  })

  return {
    searchAnime: {
      type: new GraphQLNonNull(page),
      description:
        'Typo-tolerant search of published anime (titles, alternative titles, synopsis); without q it browses. ' +
        'genre is a genre slug; limit is capped at 50; relevance (the default) needs q, else score.',
      args: {
        q: { type: GraphQLString },
        genre: { type: GraphQLString },
        kind: { type: enumOf('AnimeSearchKind', ANIME_KINDS) },
        status: { type: enumOf('AnimeSearchStatus', ANIME_STATUSES) },
        year: { type: GraphQLInt },
        sort: { type: enumOf('AnimeSearchSort', SEARCH_SORTS) },
        page: { type: GraphQLInt },
        limit: { type: GraphQLInt },
      },
      resolve: (_root: unknown, args: RawParams, context: { req: PayloadRequest }) =>
        searchAnime(
          context.req.payload,
          asPayloadValidation(() => parseSearchParams(args)),
        ),
    },
  }
}
