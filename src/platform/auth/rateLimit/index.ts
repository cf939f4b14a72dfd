export { consumeOrRefuse, createLimiter } from './createLimiter'
export { consumePasswordResetRequest } from './passwordResetRateLimiter'
export { clearSignInFailures, consumeSignInAttempt } from './signInRateLimiter'
export { TooManyRequestsError } from './TooManyRequestsError'
