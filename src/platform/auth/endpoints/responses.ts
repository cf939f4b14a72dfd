import { APIError, type PayloadRequest } from 'payload'

import { TooManyRequestsError } from '../rateLimit/TooManyRequestsError'

/** Payload's error shape, plus `field` naming the input that is wrong. */
export const errorResponse = (status: number, message: string, field?: string, headers?: HeadersInit): Response =>
  Response.json(
    {
      errors: [field ? { message, field, data: { errors: [{ path: field, message }] } } : { message }],
    },
    { status, headers },
  )

export const invalidField = (field: string, message: string): Response => errorResponse(400, message, field)

export const unauthorized = (message = 'Not signed in, or the session has ended.'): Response =>
  errorResponse(401, message, undefined, { 'WWW-Authenticate': 'Bearer' })

/** Reads a JSON object body; undefined when the body is missing or not a JSON object. */
export const readJsonObject = async (req: { json?: () => Promise<unknown> }): Promise<Record<string, unknown> | undefined> => {
  try {
    const body: unknown = await req.json?.()
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** Sets Retry-After through req.responseHeaders, which Payload merges into every response (errors too). */
export const setRetryAfter = (req: PayloadRequest, seconds: number): void => {
  req.responseHeaders = new Headers(req.responseHeaders)
  req.responseHeaders.set('Retry-After', String(seconds))
}

/** Maps the errors our handlers expect to responses; anything else is rethrown to Payload (500). */
export const handleKnownErrors = (req: PayloadRequest, error: unknown): Response => {
  if (error instanceof TooManyRequestsError) {
    setRetryAfter(req, error.retryAfterSeconds)
    return errorResponse(429, error.message)
  }
  if (error instanceof APIError && error.status >= 400 && error.status < 500) {
    return errorResponse(error.status, error.message)
  }
  throw error
}

/** A handler whose expected errors (429, other 4xx) become responses through handleKnownErrors. */
export const answeringKnownErrors =
  (handler: (req: PayloadRequest) => Promise<Response>) =>
  async (req: PayloadRequest): Promise<Response> => {
    try {
      return await handler(req)
    } catch (error) {
      return handleKnownErrors(req, error)
    }
  }
