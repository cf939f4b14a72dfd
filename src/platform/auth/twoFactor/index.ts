export { twoFactorEndpoints } from './endpoints'
export { requireSecondFactor } from './requireSecondFactor'
export { TwoFactorRequiredError, type ChallengeAnswer } from './TwoFactorRequiredError'
export { secondFactorChallenge } from './secondFactorChallenge'
