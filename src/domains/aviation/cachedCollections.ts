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
