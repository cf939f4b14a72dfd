import { ValidationError } from 'payload'

import { InvalidSearchParameter } from './parameterError'

/** Runs a parameter check, turning a refused parameter into Payload's ValidationError (400 naming it). */
export const asPayloadValidation = <T>(check: () => T): T => {
  try {
    return check()
  } catch (error) {
    if (error instanceof InvalidSearchParameter) {
      throw new ValidationError({ collection: 'anime', errors: [{ path: error.path, message: error.message }] })
    }
    throw error
  }
}
