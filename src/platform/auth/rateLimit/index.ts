export { consumeSignInAttempt } from './signInRateLimiter'
export { TooManyRequestsError } from './TooManyRequestsError'
