import type { IncomingMessage } from 'node:http'

/**
 * Requests whose bearer token the token gate found valid and whose user holds no staff role: on
 * the collections whose reads are the same for such a user as for an anonymous caller, the
 * response cache answers them from the anonymous entry. Nothing else may mark a request.
 */
const readers = new WeakSet<IncomingMessage>()

export const markVerifiedReader = (req: IncomingMessage): void => {
  readers.add(req)
}

export const isVerifiedReader = (req: IncomingMessage): boolean => readers.has(req)
