import type { ChangeKind, ChangeMessage } from './types'

/**
 * A `change` message as JSON, byte for byte what `JSON.stringify(message)` gives, from the
 * document already serialised: one change goes to up to thousands of subscribers who read it the
 * same way, and serialising the document once per group instead of once per subscriber is most
 * of the CPU a delivery costs.
 */
export const encodeChange = (clientId: string, event: ChangeKind, docJson: string): string =>
  `{"type":"change","id":${JSON.stringify(clientId)},"event":${JSON.stringify(event)},"doc":${docJson}}`

/** The message and its JSON, for deliverers that need either. */
export const changeOf = (clientId: string, event: ChangeKind, doc: ChangeMessage['doc'], docJson: string): [ChangeMessage, string] => [
  { type: 'change', id: clientId, event, doc },
  encodeChange(clientId, event, docJson),
]
