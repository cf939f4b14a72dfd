import type { IncomingMessage, ServerResponse } from 'node:http'

/** Answers a request, or hands it on. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>

/** One step of the request pipeline: given what comes after it, the handler that runs it first. */
export type Step = (next: Handler) => Handler

/** The steps in the order a request meets them, in front of `last` (Next's handler). */
export const pipeline = (steps: readonly (Step | undefined)[], last: Handler): Handler =>
  steps.reduceRight<Handler>((next, step) => (step ? step(next) : next), last)
