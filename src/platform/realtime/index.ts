export {
  publishSessionEvent,
  subscribeSessionEvents,
  type SessionEvent,
  type SessionEventListener,
  type SessionRevokedReason,
} from './sessionEvents'
