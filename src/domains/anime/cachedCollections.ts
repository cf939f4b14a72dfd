/**
 * The anime collections whose anonymous reads the server caches (REST list, detail, search and
 * suggest). Kept apart from the collections so that server.ts can read it without loading Payload.
 */
export const animeCachedCollections = ['anime', 'genres', 'studios'] as const

/**
 * Of those, the ones whose reads give a signed-in user without a staff role exactly what they give
 * an anonymous caller (published anime only, public taxonomies, nothing that populates users): such
 * a user's reads are answered from the anonymous cache entries. Checked against the access policy
 * by tests/unit/platform/cache/readerSharedCollections.spec.ts.
 */
export const animeReaderSharedCollections = [
  'anime',
  'genres',
  'studios',
] as const satisfies readonly (typeof animeCachedCollections)[number][]
