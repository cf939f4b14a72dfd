import { APIError } from 'payload'

export const forbiddenFieldMessage = (field: string): string => `You may not change the field "${field}".`

/**
 * 403 for a write that tries to change fields the caller may not write. `data.errors` lists them
 * the way Payload's ValidationError does ({path, message}); the REST body is reshaped to
 * `{errors: [{message, field}]}` by refuseForbiddenFieldsResponse.
 */
export class ForbiddenFieldsError extends APIError<{ errors: { path: string; message: string }[] }> {
  readonly fields: string[]

  constructor(fields: string[]) {
    super(
      `You may not change ${fields.length === 1 ? 'this field' : 'these fields'}: ${fields.join(', ')}`,
      403,
      { errors: fields.map((path) => ({ path, message: forbiddenFieldMessage(path) })) },
      true,
    )
    this.name = 'ForbiddenFieldsError'
    this.fields = fields
  }
}
