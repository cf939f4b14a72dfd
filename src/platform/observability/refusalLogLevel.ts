import { isMalformedMultipartMessage } from '../http/malformedBody'

type ErrorLike = { status?: unknown; statusCode?: unknown; originalError?: unknown; name?: unknown; locations?: unknown }

const isObject = (value: unknown): value is ErrorLike => typeof value === 'object' && value !== null

const statusOf = (error: ErrorLike): number | undefined => {
  const status = error.status ?? error.statusCode
  return typeof status === 'number' && Number.isInteger(status) ? status : undefined
}

/**
 * The HTTP status an error stands for, whatever its class is called (class names are minified in
 * the production build, so Payload's `loggingLevels`, which matches names, misses them there).
 * A GraphQL error answers for its original error; one without (a malformed query, an unknown
 * field) is the caller's mistake: 400.
 */
export const httpStatusOfError = (error: unknown): number | undefined => {
  if (!isObject(error)) return undefined
  if (error.name === 'GraphQLError') {
    if (!isObject(error.originalError)) return 400
    return statusOf(error.originalError) ?? 500
  }
  // Payload throws a malformed multipart body as a 500 and answers it as a 400 (answerMalformedBody).
  if (isMalformedMultipartMessage((error as { message?: unknown }).message)) return 400
  return statusOf(error)
}

/**
 * Log level for an error logged at error level: a refusal (4xx, an expected outcome) is logged at
 * info (429 at warn, a sign of abuse or of a client in a loop) without a stack; anything else
 * stays an error.
 */
export const refusalLogLevel = (error: unknown): 'info' | 'warn' | undefined => {
  const status = httpStatusOfError(error)
  if (status === undefined || status < 400 || status >= 500) return undefined
  return status === 429 ? 'warn' : 'info'
}
