import type { AfterErrorHook } from 'payload'

import { ForbiddenFieldsError, forbiddenFieldMessage } from './ForbiddenFieldsError'

/** REST answers a ForbiddenFieldsError as `{errors: [{message, field}]}`, like a 400 naming a parameter. */
export const forbiddenFieldsResponse: AfterErrorHook = ({ error, graphqlResult }) => {
  if (!(error instanceof ForbiddenFieldsError) || graphqlResult) return
  return {
    status: 403,
    response: {
      errors: error.fields.map((field) => ({ message: forbiddenFieldMessage(field), field, name: error.name })),
    },
  }
}
