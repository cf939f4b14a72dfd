export const MIN_PASSWORD_LENGTH = 8
const MAX_PASSWORD_LENGTH = 256

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export const isValidEmail = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 254 && EMAIL.test(value.trim())

export const passwordProblem = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return 'password is required'
  if (value.length < MIN_PASSWORD_LENGTH) return `password must be at least ${MIN_PASSWORD_LENGTH} characters`
  if (value.length > MAX_PASSWORD_LENGTH) return `password must be at most ${MAX_PASSWORD_LENGTH} characters`
  return undefined
}
