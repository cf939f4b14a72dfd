import type { Where } from 'payload'

/** Who subscribed: a signed-in account (its id and session), or nobody (anonymous event streams). */
export type Viewer = { userId: string; sid?: string } | null

/** What a subscription asks for: the `subscribe` message's fields (or the stream's query). */
export type SubscriptionSpec = {
  collection: string
  where?: Where
  /** One document's id (as text); absent: every document of the collection. */
  doc?: string
  locale?: string
}

export type ChangeKind = 'create' | 'update' | 'delete'

/** The `change` message: the document as the subscriber reads it over REST; a delete carries only the id. */
export type ChangeMessage = {
  type: 'change'
  id: string
  event: ChangeKind
  doc: Record<string, unknown>
}

export type Subscriber = {
  /** The client's name for the subscription (echoed in every message). */
  clientId: string
  spec: SubscriptionSpec
  viewer: Viewer
  /**
   * Sends one change: the message, and `encoded`, its JSON (made once per group, see
   * encodeChange); `eventId` is the domain event's id (the stream's `id:` line).
   */
  deliver: (message: ChangeMessage, encoded: string, eventId: string) => void
}

/** A subscription refused: the parameter at fault and an HTTP-like status (400, 401, 403). */
export type SubscriptionRefusal = { status: 400 | 401 | 403; field: string; message: string }

/** How readers see a document: viewers with the same `key` are shown the same, read as `readAs`. */
export type ResolvedViewer = { key: string; readAs: Record<string, unknown> | null }

/**
 * Payload's side, registered once Payload is up in this process (realtimePlugin): checks
 * subscriptions and reads documents with the subscriber's access, as REST would.
 */
export type RealtimeReader = {
  check: (spec: SubscriptionSpec, viewer: Viewer) => Promise<SubscriptionRefusal | undefined>
  /** Undefined when the account no longer exists. */
  resolveViewer: (collection: string, viewer: Viewer) => Promise<ResolvedViewer | undefined>
  /** The document as `readAs` reads it (depth 0, the spec's locale and where), or null when it may not. */
  read: (spec: SubscriptionSpec, docId: string, readAs: Record<string, unknown> | null) => Promise<Record<string, unknown> | null>
}
