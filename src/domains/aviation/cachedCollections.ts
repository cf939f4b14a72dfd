/**
 * The FrankenJet collections whose anonymous reads the server caches (REST list and detail). Kept
 * apart from the collections so that server.ts can read it without loading Payload.
 */
export const aviationCachedCollections = [
  'articles',
  'categories',
  'aircraft',
  'design-bureaus',
  'designers',
  'manufacturers',
  'personalities',
  'historical-events',
] as const

/** The FrankenJet globals whose anonymous reads the server caches. */
export const aviationCachedGlobals = ['app-settings'] as const

/**
 * Of those, the ones whose reads give a signed-in user without a staff role exactly what they give
 * an anonymous caller: their reads are answered from the anonymous cache entries. Not `articles`
 * (their author is a user, whom signed-in users may read and anonymous callers may not), nor
 * `categories` and `app-settings` (they populate articles). Checked against the access policy by
 * tests/unit/platform/cache/readerSharedCollections.spec.ts.
 */
export const aviationReaderSharedCollections = [
  'aircraft',
  'design-bureaus',
  'designers',
  'manufacturers',
  'personalities',
  'historical-events',
] as const satisfies readonly (typeof aviationCachedCollections)[number][]
