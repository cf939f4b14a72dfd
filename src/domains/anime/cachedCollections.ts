/**
 * The anime collections whose anonymous reads the server caches (REST list, detail, search and
 * suggest). Kept apart from the collections so that server.ts can read it without loading Payload.
 */
export const animeCachedCollections = ['anime', 'genres', 'studios'] as const
