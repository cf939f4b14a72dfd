/**
 * A search parameter that fails its check, naming it. Plain (no Payload import), so the server's
 * fast path can parse parameters without loading Payload; the endpoints and GraphQL turn it into
 * Payload's ValidationError (payloadErrors.ts), the fast path into the same 400 body.
 */
export class InvalidSearchParameter extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message)
    this.name = 'InvalidSearchParameter'
  }
}

/** The message of Payload's ValidationError for one field (`error:followingFieldsInvalid_one`, English). */
export const validationMessageFor = (path: string): string => `The following field is invalid: ${path}`

/**
 * The 400 body Payload's REST API gives for a ValidationError thrown by a custom endpoint
 * (formatErrors): kept identical so that both paths answer alike.
 */
export const validationErrorBody = (error: InvalidSearchParameter) => ({
  errors: [
    {
      name: 'ValidationError',
      data: { collection: 'anime', errors: [{ path: error.path, message: error.message }] },
      message: validationMessageFor(error.path),
    },
  ],
})
