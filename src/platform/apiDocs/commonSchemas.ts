import type { JsonSchema, MediaTypeObject, ResponseObject } from './types'

/** A `$ref` to a schema under #/components/schemas. */
export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` })

/** Payload's error shape (ours adds `field` naming the wrong input). */
export const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          message: { type: 'string' },
          field: { type: 'string', description: 'The input that is wrong, when one is.' },
          name: { type: 'string' },
          data: { type: 'object' },
        },
        required: ['message'],
      },
    },
  },
  required: ['errors'],
}

/** Schemas every document carries, whatever the collections are. */
export const commonSchemas = (): Record<string, JsonSchema> => ({ Error: ERROR_SCHEMA })

export const json = (schema: JsonSchema): Record<string, MediaTypeObject> => ({ 'application/json': { schema } })

export const errorResponse = (description: string): ResponseObject => ({ description, content: json(ref('Error')) })

/** The answers any Payload operation may give besides its success. */
export const standardErrors = (): Record<string, ResponseObject> => ({
  '400': errorResponse(
    'Invalid input: a body field, or a parameter such as `page=0`, `limit=abc`, an unknown `where` field or operator or `sort` field. Each error names it in `field`, e.g. `{"errors":[{"message":"page must be a whole number from 1.","field":"page"}]}`.',
  ),
  '401': errorResponse('Not signed in, or the token has expired.'),
  '403': errorResponse('Not allowed for this user.'),
  '404': errorResponse('Not found.'),
})

/** Payload's page of documents (`find`, `versions`). */
export const paginated = (item: JsonSchema): JsonSchema => ({
  type: 'object',
  properties: {
    docs: { type: 'array', items: item },
    totalDocs: { type: 'integer' },
    limit: { type: 'integer' },
    totalPages: { type: 'integer' },
    page: { type: 'integer' },
    pagingCounter: { type: 'integer' },
    hasPrevPage: { type: 'boolean' },
    hasNextPage: { type: 'boolean' },
    prevPage: { type: ['integer', 'null'] },
    nextPage: { type: ['integer', 'null'] },
  },
  required: ['docs', 'totalDocs', 'limit', 'page', 'hasPrevPage', 'hasNextPage'],
})

/** `{ doc, message }`, what create/update/delete by id answer. */
export const docWithMessage = (doc: JsonSchema): JsonSchema => ({
  type: 'object',
  properties: { doc, message: { type: 'string' } },
  required: ['doc'],
})

/** `{ docs, errors, message }`, what bulk update/delete answer. */
export const bulkResult = (doc: JsonSchema): JsonSchema => ({
  type: 'object',
  properties: {
    docs: { type: 'array', items: doc },
    errors: { type: 'array', items: { type: 'object', properties: { id: {}, message: { type: 'string' } } } },
    message: { type: 'string' },
  },
  required: ['docs', 'errors'],
})

/** A version row: the document as it was, and when. */
export const versionOf = (doc: JsonSchema): JsonSchema => ({
  type: 'object',
  properties: {
    id: { type: ['integer', 'string'] },
    parent: {},
    version: doc,
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    latest: { type: ['boolean', 'null'] },
    autosave: { type: ['boolean', 'null'] },
  },
  required: ['id', 'version'],
})
