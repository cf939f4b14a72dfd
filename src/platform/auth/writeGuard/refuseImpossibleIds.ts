import { ValidationError, type CollectionBeforeOperationHook } from 'payload'

import { isPossibleId } from '../../http/readParams/checkNumbers'
import { collectionShapeFor } from '../../http/readParams/shapesOfPayload'

/**
 * A create or update whose body carries an `id` the collection cannot have (`{"id":"abc"}` on a
 * serial-id collection) reached PostgreSQL as an integer cast and failed there (a 500). It is the
 * caller's mistake: 400 naming `id`. Our own code (Local API without a user) is left alone.
 */
export const refuseImpossibleIds: CollectionBeforeOperationHook = ({ args, operation, req, collection }) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'updateByID') return args
  if (req.payloadAPI !== 'REST' && req.payloadAPI !== 'GraphQL') return args
  const data = (args as { data?: unknown }).data
  if (typeof data !== 'object' || data === null || !('id' in data)) return args
  const id = (data as { id?: unknown }).id
  const shape = collectionShapeFor(req.payload, collection.slug)
  if (id === undefined || !shape || isPossibleId(id, shape.idType)) return args
  throw new ValidationError(
    {
      collection: collection.slug,
      errors: [{ path: 'id', message: shape.idType === 'number' ? 'id must be a whole number from 1.' : 'id is not a valid id.' }],
    },
    req.t,
  )
}
