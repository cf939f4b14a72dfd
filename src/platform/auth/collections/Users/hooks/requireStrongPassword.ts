import type { CollectionBeforeOperationHook, CollectionBeforeValidateHook } from 'payload'

import { ValidationError } from 'payload'

import type { User } from '@/payload-types'
import { passwordProblem } from '@/platform/auth/endpoints/validation'

const checkPassword = (password: unknown, collection: string, req: Parameters<CollectionBeforeValidateHook>[0]['req']) => {
  if (password === undefined || password === null || password === '') return
  const problem = passwordProblem(password)
  if (problem) throw new ValidationError({ collection, errors: [{ message: problem, path: 'password' }], req })
}

/** One password rule for every way a password is set: register, admin panel, REST, GraphQL. */
export const requireStrongPassword: CollectionBeforeValidateHook<User> = ({ data, req, collection }) => {
  checkPassword((data as { password?: unknown } | undefined)?.password, collection.slug, req)
  return data
}

/** Payload's reset-password writes the password without validation hooks: check it before. */
export const requireStrongResetPassword: CollectionBeforeOperationHook = ({ args, operation, req, collection }) => {
  if (operation === 'resetPassword') checkPassword((args as { data?: { password?: unknown } }).data?.password, collection.slug, req)
  return args
}
