import { onSessionEndedHere, onSessionEventsResync, subscribeSessionEvents } from '../realtime/sessionEvents'
import type { SessionVerdictCache } from './sessionVerdictCache'

type Logger = { warn: (details: object, message: string) => void }

const SUBSCRIBE_RETRY_MS = 5_000

/**
 * Keeps the session-verdict cache exact: a session that ends on this instance is forgotten
 * synchronously, before the request that ended it is answered (onSessionEndedHere); one that ends
 * on another instance as soon as its event arrives through Redis; and everything is forgotten when
 * the event subscription comes back after its link was lost (events may have been missed). Until
 * the subscription is live (Redis away at start), the cache's TTL bounds how long another
 * instance's revocation goes unheard. Returns a function that stops listening.
 */
export const forgetEndedSessions = (cache: SessionVerdictCache, logger: Logger): (() => void) => {
  let stopped = false
  let unsubscribe: (() => void) | undefined
  let retry: NodeJS.Timeout | undefined
  const stopLocal = onSessionEndedHere((event) => cache.forget(event))
  const stopResync = onSessionEventsResync(() => cache.clear())
  const subscribe = () => {
    subscribeSessionEvents((event) => cache.forget(event)).then(
      (stop) => {
        if (stopped) stop()
        else unsubscribe = stop
        // Events published before the subscription was live were not heard.
        cache.clear()
      },
      (error: unknown) => {
        logger.warn({ err: error }, 'session verdicts: no session events from other instances yet; retrying')
        if (!stopped) retry = setTimeout(subscribe, SUBSCRIBE_RETRY_MS).unref()
      },
    )
  }
  subscribe()
  return () => {
    stopped = true
    clearTimeout(retry)
    stopLocal()
    stopResync()
    unsubscribe?.()
  }
}
