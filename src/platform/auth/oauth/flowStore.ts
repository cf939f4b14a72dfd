import { createHash } from 'node:crypto'

import { getSharedRedis } from '../../cache'
import { databaseScope } from '../../cache/databaseScope'

/** What a started sign-in remembers until its callback: kept server-side, never sent to the provider. */
export type PendingFlow = {
  provider: string
  /** SHA-256 of the nonce in the browser's cookie: binds the flow to that browser. */
  browserHash: string
  codeVerifier: string
  redirect: string
  /** Set when a signed-in user is linking this provider to their account. */
  linkUserId?: number
}

/** How long a user has between leaving for the provider and coming back. */
export const FLOW_TTL_SECONDS = 600

/** Redis could not store or hand back a flow: the endpoint answers 503. */
export class FlowStoreUnavailable extends Error {}

const keyOf = (state: string): string => `cms:${databaseScope()}:oauth-flow:${createHash('sha256').update(state).digest('hex')}`

// Without REDIS_URL (one instance only, as the rest of the in-process fallbacks).
const memory = new Map<string, { flow: PendingFlow; expiresAt: number }>()

const pruneMemory = (now: number) => {
  for (const [key, entry] of memory) if (entry.expiresAt <= now) memory.delete(key)
}

/** Remembers a flow under its `state` for FLOW_TTL_SECONDS. */
export const saveFlow = async (state: string, flow: PendingFlow): Promise<void> => {
  const redis = getSharedRedis()
  if (!redis) {
    pruneMemory(Date.now())
    memory.set(keyOf(state), { flow, expiresAt: Date.now() + FLOW_TTL_SECONDS * 1000 })
    return
  }
  try {
    await redis.set(keyOf(state), JSON.stringify(flow), 'EX', FLOW_TTL_SECONDS)
  } catch (error) {
    throw new FlowStoreUnavailable((error as Error).message)
  }
}

/**
 * Takes the flow of a `state` and forgets it in the same step (GETDEL): a state works once, so a
 * replayed callback finds nothing. Undefined when unknown, used or expired.
 */
export const takeFlow = async (state: string): Promise<PendingFlow | undefined> => {
  const redis = getSharedRedis()
  if (!redis) {
    const key = keyOf(state)
    const entry = memory.get(key)
    memory.delete(key)
    return entry && entry.expiresAt > Date.now() ? entry.flow : undefined
  }
  let raw: string | null
  try {
    raw = await redis.getdel(keyOf(state))
  } catch (error) {
    throw new FlowStoreUnavailable((error as Error).message)
  }
  return raw ? (JSON.parse(raw) as PendingFlow) : undefined
}
