import type { SanitizedCollectionConfig, SanitizedConfig } from 'payload'

import { bulkResult, docWithMessage, json, paginated, ref, standardErrors, versionOf } from './commonSchemas'
import { listParameters, readParameters, whereParameter, writeParameters } from './queryParameters'
import type { JsonSchema, OperationObject, RequestBodyObject } from './types'

type Context = { collection: SanitizedCollectionConfig; config: SanitizedConfig }
type Builder = (context: Context) => Omit<OperationObject, 'tags' | 'operationId'>

const hasDrafts = (collection: SanitizedCollectionConfig): boolean => Boolean(collection.versions && collection.versions.drafts)

/** The component names of a collection's document and of what a write sends. */
export const documentSchemaName = (slug: string): string => slug
export const writeSchemaName = (slug: string): string => `${slug}_write`

const doc = ({ collection }: Context): JsonSchema => ref(documentSchemaName(collection.slug))

/** JSON, or for an upload collection multipart with the file and the other fields as `_payload`. */
const writeBody = ({ collection }: Context, { fileRequired }: { fileRequired: boolean }): RequestBodyObject => {
  const data = ref(writeSchemaName(collection.slug))
  if (!collection.upload) return { required: true, content: json(data) }
  return {
    required: true,
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          properties: {
            file: { type: 'string', format: 'binary', description: 'The file to upload.' },
            _payload: { type: 'string', description: `The other fields, as a JSON string (${writeSchemaName(collection.slug)}).` },
          },
          ...(fileRequired ? { required: ['file'] } : {}),
        },
      },
      ...json(data),
    },
  }
}

const ok = (description: string, schema: JsonSchema): OperationObject['responses'] => ({
  '200': { description, content: json(schema) },
  ...standardErrors(),
})

const credentials: JsonSchema = {
  type: 'object',
  properties: { email: { type: 'string', format: 'email' }, password: { type: 'string', format: 'password' } },
  required: ['email', 'password'],
}

const authResult = (context: Context): JsonSchema => ({
  type: 'object',
  properties: {
    message: { type: 'string' },
    user: doc(context),
    token: { type: 'string', description: 'Payload JWT; also set as an HttpOnly cookie.' },
    exp: { type: 'integer', description: 'Expiry, seconds since the epoch.' },
  },
})

const message: JsonSchema = { type: 'object', properties: { message: { type: 'string' } } }

/**
 * Payload's built-in collection routes, keyed `<method> <path>` as they appear in the sanitized
 * config's `endpoints`. Only the ones the config actually has are documented, so a disabled route
 * (e.g. duplicate on an auth collection) never shows up.
 */
export const COLLECTION_OPERATIONS: Record<string, Builder> = {
  'get /': (c) => ({
    summary: `List ${c.collection.slug}`,
    parameters: listParameters(c.config, { drafts: hasDrafts(c.collection) }),
    responses: ok('A page of documents.', paginated(doc(c))),
  }),
  'post /': (c) => ({
    summary: `Create a ${c.collection.slug} document`,
    parameters: writeParameters(c.config, { drafts: hasDrafts(c.collection) }),
    requestBody: writeBody(c, { fileRequired: true }),
    responses: { '201': { description: 'Created.', content: json(docWithMessage(doc(c))) }, ...standardErrors() },
  }),
  'patch /': (c) => ({
    summary: `Update every ${c.collection.slug} document matching \`where\``,
    parameters: [whereParameter(), ...writeParameters(c.config, { drafts: hasDrafts(c.collection) })],
    requestBody: writeBody(c, { fileRequired: false }),
    responses: ok('The updated documents, and the ones that failed.', bulkResult(doc(c))),
  }),
  'delete /': (c) => ({
    summary: `Delete every ${c.collection.slug} document matching \`where\``,
    parameters: [whereParameter(), ...readParameters(c.config, { drafts: false })],
    responses: ok('The deleted documents, and the ones that failed.', bulkResult(doc(c))),
  }),
  'get /count': (c) => ({
    summary: `Count ${c.collection.slug} documents matching \`where\``,
    parameters: [whereParameter(), ...readParameters(c.config, { drafts: hasDrafts(c.collection) }).filter((p) => p.name === 'locale')],
    responses: ok('The count.', { type: 'object', properties: { totalDocs: { type: 'integer' } }, required: ['totalDocs'] }),
  }),
  'get /:id': (c) => ({
    summary: `Get a ${c.collection.slug} document by id`,
    parameters: readParameters(c.config, { drafts: hasDrafts(c.collection) }),
    responses: ok('The document.', doc(c)),
  }),
  'patch /:id': (c) => ({
    summary: `Update a ${c.collection.slug} document`,
    parameters: writeParameters(c.config, { drafts: hasDrafts(c.collection) }),
    requestBody: writeBody(c, { fileRequired: false }),
    responses: ok('The updated document.', docWithMessage(doc(c))),
  }),
  'delete /:id': (c) => ({
    summary: `Delete a ${c.collection.slug} document`,
    parameters: readParameters(c.config, { drafts: false }),
    responses: ok('The deleted document.', docWithMessage(doc(c))),
  }),
  'post /:id/duplicate': (c) => ({
    summary: `Duplicate a ${c.collection.slug} document`,
    parameters: writeParameters(c.config, { drafts: hasDrafts(c.collection) }),
    responses: ok('The copy.', docWithMessage(doc(c))),
  }),
  'post /access/:id?': () => ({
    summary: 'What the current user may do with this collection (or one document)',
    responses: ok('Permissions per operation and field.', { type: 'object' }),
  }),
  'get /versions': (c) => ({
    summary: `List versions of ${c.collection.slug} documents`,
    parameters: listParameters(c.config, { drafts: false }),
    responses: ok('A page of versions.', paginated(versionOf(doc(c)))),
  }),
  'get /versions/:id': (c) => ({
    summary: `Get a ${c.collection.slug} version by id`,
    parameters: readParameters(c.config, { drafts: false }),
    responses: ok('The version.', versionOf(doc(c))),
  }),
  'post /versions/:id': (c) => ({
    summary: `Restore a ${c.collection.slug} version`,
    parameters: [...writeParameters(c.config, { drafts: hasDrafts(c.collection) })],
    responses: ok('The restored document.', docWithMessage(doc(c))),
  }),
  // Auth collections (Payload's own cookie/JWT routes; the project's token contract is /api/auth/*).
  'post /login': (c) => ({
    summary: 'Sign in (Payload): sets the auth cookie and returns a Payload JWT',
    requestBody: { required: true, content: json(credentials) },
    responses: { ...ok('Signed in.', authResult(c)), '423': { description: 'The account is locked after too many failed attempts.' } },
    security: [],
  }),
  'post /logout': () => ({
    summary: 'Sign out (Payload): ends this session and clears the cookie',
    parameters: [{ name: 'allSessions', in: 'query', description: 'End every session of the user.', schema: { type: 'boolean' } }],
    responses: ok('Signed out.', message),
  }),
  'get /me': (c) => ({
    summary: 'The signed-in user (null when nobody is)',
    responses: ok('The user, their token and its expiry.', {
      type: 'object',
      properties: {
        user: { anyOf: [doc(c), { type: 'null' }] },
        token: { type: 'string' },
        exp: { type: 'integer' },
        collection: { type: 'string' },
      },
    }),
  }),
  'post /refresh-token': (c) => ({
    summary: 'A fresh Payload JWT for a still-valid one (same session)',
    responses: ok('The new token.', {
      type: 'object',
      properties: { message: { type: 'string' }, refreshedToken: { type: 'string' }, exp: { type: 'integer' }, user: doc(c) },
    }),
  }),
  'post /forgot-password': () => ({
    summary: 'Email a password-reset link',
    requestBody: {
      required: true,
      content: json({ type: 'object', properties: { email: { type: 'string', format: 'email' } }, required: ['email'] }),
    },
    responses: ok('Sent (the same answer whether or not the account exists).', message),
    security: [],
  }),
  'post /reset-password': (c) => ({
    summary: 'Set a new password with the emailed token',
    requestBody: {
      required: true,
      content: json({
        type: 'object',
        properties: { token: { type: 'string' }, password: { type: 'string', format: 'password' } },
        required: ['token', 'password'],
      }),
    },
    responses: ok('Password changed; signed in.', authResult(c)),
    security: [],
  }),
  'post /unlock': () => ({
    summary: 'Unlock an account locked by failed sign-ins (admins)',
    requestBody: {
      required: true,
      content: json({ type: 'object', properties: { email: { type: 'string', format: 'email' } }, required: ['email'] }),
    },
    responses: ok('Unlocked.', message),
  }),
  'post /verify/:id': () => ({
    summary: 'Verify an email address with the emailed token',
    responses: ok('Verified.', message),
    security: [],
  }),
  'post /first-register': (c) => ({
    summary: 'Create the very first user (only while there is none)',
    requestBody: { required: true, content: json(credentials) },
    responses: ok('Created and signed in.', authResult(c)),
    security: [],
  }),
  'get /init': () => ({
    summary: 'Whether a first user still has to be created',
    responses: ok('The answer.', { type: 'object', properties: { initialized: { type: 'boolean' } } }),
    security: [],
  }),
  // Upload collections.
  'get /file/:filename': () => ({
    summary: 'Download a stored file (read access applies)',
    responses: {
      '200': { description: 'The file.', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
      ...standardErrors(),
    },
  }),
  'get /paste-url/:id?': () => ({
    summary: 'Fetch a file from a URL for the admin panel (pasted URL uploads)',
    parameters: [{ name: 'src', in: 'query', description: 'The URL to fetch.', schema: { type: 'string', format: 'uri' } }],
    responses: {
      '200': {
        description: 'The fetched file.',
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      },
      ...standardErrors(),
    },
  }),
}
