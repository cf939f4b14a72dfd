export {
  publishSessionEvent,
  subscribeSessionEvents,
  type SessionEvent,
  type SessionEventListener,
  type SessionRevokedReason,
} from './sessionEvents'
export {
  attachWebSocketServer,
  CLOSE_UNAUTHORIZED,
  WEBSOCKET_PATH,
  type AttachedWebSocketServer,
  type AttachWebSocketServerOptions,
  type TokenJudge,
} from './webSocketServer'
export { startRealtime, realtimeRateLimitedRoute } from './startRealtime'
export { CLOSE_SLOW_CONSUMER } from './subscriptions/socketSubscriptions'
