import type { CollectionBeforeValidateHook, GlobalBeforeValidateHook } from 'payload'

import { takeDeniedWrites } from './deniedWrites'
import { ForbiddenFieldsError } from './ForbiddenFieldsError'

const refuse = (data: unknown): void => {
  if (typeof data !== 'object' || data === null) return
  const fields = takeDeniedWrites(data)
  if (fields.length > 0) throw new ForbiddenFieldsError(fields)
}

/**
 * Runs first among a collection's beforeValidate hooks, right after Payload's field access: a
 * write that tried to change a field the caller may not write is refused whole (403), before
 * anything is stored.
 */
export const refuseForbiddenWrites: CollectionBeforeValidateHook = ({ data }) => {
  refuse(data)
  return data
}

export const refuseForbiddenGlobalWrites: GlobalBeforeValidateHook = ({ data }) => {
  refuse(data)
  return data
}
