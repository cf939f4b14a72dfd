import type { AfterErrorHook } from 'payload'

import { refusalBody } from '../readParams/problems'

/**
 * What Payload's multipart parser (busboy, and Payload's own eligibility check) throws for a body
 * that is not the multipart/form-data it announces. Payload answers each with 500; the body is the
 * caller's mistake.
 */
const MALFORMED_MULTIPART = [
  'Request is not eligible for file upload',
  'Multipart: Boundary not found',
  'Malformed part header',
  'Malformed content type',
  'Malformed urlencoded form',
  'Missing Content-Type',
  'Unexpected end of form',
  'Unexpected end of file',
  'Unsupported content type',
]

/** One of the multipart parser's messages for a malformed body. */
export const isMalformedMultipartMessage = (message: unknown): boolean =>
  typeof message === 'string' && MALFORMED_MULTIPART.some((known) => message.startsWith(known))

const isMultipart = (contentType: string | null | undefined): boolean => /^\s*multipart\//i.test(contentType ?? '')

/** Which part of a malformed request body an error is about; undefined: not a body error. */
export const malformedBodyField = (
  error: { name?: string; message?: string },
  contentType: string | null | undefined,
): string | undefined => {
  if (!isMultipart(contentType)) return undefined
  if (isMalformedMultipartMessage(error.message)) return 'file'
  // `_payload`, the JSON part of an upload, is parsed with JSON.parse and not caught.
  if (error.name === 'SyntaxError') return '_payload'
  return undefined
}

/**
 * A write whose multipart body cannot be parsed is a 400 naming the part, not Payload's 500: e.g.
 * `Content-Type: multipart/form-data` with no boundary, a cut-off body, or `_payload` that is not
 * JSON.
 */
export const answerMalformedBody: AfterErrorHook = ({ error, req }) => {
  const field = malformedBodyField(error, req?.headers?.get('content-type'))
  if (!field) return undefined
  const message =
    field === '_payload'
      ? 'The _payload part of the upload must be a JSON object.'
      : `The request body is not well-formed multipart/form-data (${error.message}); send the file as a part named "file".`
  return { response: refusalBody([{ field, message }]), status: 400 }
}
