import type { ReadShapes } from './collectionShape'

/** What server.ts's guard needs of Payload's config, published by the plugin once Payload is up. */
export type PublishedReadConfig = {
  shapes: ReadShapes
  apiRoute: string
  defaultDepth: number
}

type State = { published?: PublishedReadConfig }

/**
 * Shared by server.ts and Next's bundle (each loads its own copy of this module): only Payload,
 * inside Next, knows the sanitized config; the guard in server.ts reads it from here.
 */
const state = (): State => ((globalThis as Record<symbol, unknown>)[Symbol.for('cms.http.readParams')] ??= {}) as State

export const publishReadConfig = (published: PublishedReadConfig): void => {
  state().published = published
}

export const publishedReadConfig = (): PublishedReadConfig | undefined => state().published
