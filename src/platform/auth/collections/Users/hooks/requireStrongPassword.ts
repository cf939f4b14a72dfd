import type { CollectionBeforeValidateHook } from 'payload'

import { ValidationError } from 'payload'

import type { User } from '../../../../../payload-types'
import { passwordProblem } from '../../../endpoints/validation'

/** One password rule for every way a password is set: register, admin panel, REST, reset. */
export const requireStrongPassword: CollectionBeforeValidateHook<User> = ({ data, req, collection }) => {
  const password = (data as { password?: unknown } | undefined)?.password
  if (password === undefined || password === null || password === '') return data
  const problem = passwordProblem(password)
  if (problem) {
    throw new ValidationError({ collection: collection.slug, errors: [{ message: problem, path: 'password' }], req })
  }
  return data
}
