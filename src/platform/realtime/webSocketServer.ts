import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { type RawData, type WebSocket, WebSocketServer } from 'ws'

import type { BearerVerdict } from '../auth'
import { reportDatabaseFailure } from '../database/availability'
import { isDatabaseUnavailableError } from '../database/connectionErrors'
import type { Logger } from '../observability/logger'
import { onSessionEventsResync, type SessionEvent, subscribeSessionEvents } from './sessionEvents'
import { acquireConnection } from './subscriptions/hub'
import { createSocketSubscriptions, type SocketSubscriptionLimits } from './subscriptions/socketSubscriptions'

/**
 * The `/ws` endpoint: a client authenticates with its access token and is told when its session is
 * revoked (logout, logout-all, refresh-token reuse, ...), on whichever instance that happened; the
 * events arrive through `subscribeSessionEvents` (Redis pub/sub when REDIS_URL is set).
 *
 * Close codes a client sees:
 * - 4401 "authentication required" / "invalid token" / "authentication timeout" / "malformed auth
 *   message": no valid token in time; get a fresh token before reconnecting.
 * - 4401 "session revoked", right after `{"type":"session.revoked","reason":...}`: the session is
 *   gone; sign in again. Also when a re-check finds the session gone without its event having
 *   arrived (reason "session-revoked"): see `liveSessions`.
 * - 1011 "try again later": the token could not be checked (database unreachable) or this instance
 *   is not hearing session events; reconnecting later is fine.
 * - 1001 "server shutting down".
 * - 1009 (by `ws`): a message larger than MAX_PAYLOAD_BYTES.
 * - 4408 "slow consumer": more than REALTIME_MAX_BUFFERED_BYTES left unread (content subscriptions).
 * - 4429 "too many connections": the account already holds REALTIME_MAX_CONNECTIONS_PER_USER.
 *
 * Content subscriptions (`subscribe` / `unsubscribe`, see subscriptions/ and docs/realtime.md)
 * ride on the same authenticated socket.
 */

export const WEBSOCKET_PATH = '/ws'
/** Close code for every authentication failure and for a revoked session. */
export const CLOSE_UNAUTHORIZED = 4401
const CLOSE_TRY_AGAIN = 1011
const SUBSCRIBE_RETRY_MS = 5_000
const CLOSE_GOING_AWAY = 1001

/** An auth message carries one JWT, a subscribe message a `where`; nothing a client sends needs more. */
const MAX_PAYLOAD_BYTES = 16 * 1024
const CLOSE_TOO_MANY_CONNECTIONS = 4429
const DEFAULT_AUTH_TIMEOUT_MS = 5_000
const DEFAULT_HEARTBEAT_MS = 30_000
const DEFAULT_SESSION_RECHECK_MS = 30_000
const SHUTDOWN_GRACE_MS = 1_000

export type TokenJudge = (token: string | undefined) => Promise<BearerVerdict>
type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => unknown

export type AttachWebSocketServerOptions = {
  server: { on(event: 'upgrade', listener: UpgradeHandler): unknown }
  /**
   * The token judge (createTokenJudge), session liveness included. server.ts gives it the one
   * without the session-verdict cache: a socket authenticates once, and asks the database then.
   */
  judgeToken: TokenJudge
  /** Every upgrade that is not `/ws` (Next's dev HMR needs its own). */
  fallbackUpgrade: UpgradeHandler
  logger: Logger
  authTimeoutMs?: number
  heartbeatMs?: number
  /** Kept up to date with the open sockets (a Prometheus gauge fits). */
  connections?: { inc: () => void; dec: () => void }
  /**
   * The session ids among these that still exist (the database is the truth; events are only
   * the fast way). Asked when the session-event subscription comes back after a Redis outage and
   * every `sessionRecheckMs`: a revocation whose event was lost still closes its sockets.
   */
  liveSessions?: (sessions: { userId: string; sid: string }[]) => Promise<Set<string>>
  sessionRecheckMs?: number
  /** Content subscriptions: per-socket and per-account caps, the unread-bytes bound. */
  subscriptions?: SocketSubscriptionLimits & { maxConnectionsPerUser: number }
}

export type AttachedWebSocketServer = {
  /** Resolves once session events are heard; until then `/ws` clients are closed with 1011. */
  ready: Promise<void>
  /** Closes every socket (1001) and stops listening to session events. */
  close: () => Promise<void>
}

type Client = { socket: WebSocket; userId: string; sid: string }
/** An authentication whose verdict is pending: events that arrive meanwhile are kept for it. */
type PendingAuth = { missed: SessionEvent[] }

const pathOf = (url: string | undefined): string => (url ?? '').split('?')[0] ?? ''

const queryToken = (url: string | undefined): string | undefined => {
  const query = (url ?? '').split('?')[1]
  return query ? (new URLSearchParams(query).get('token') ?? undefined) : undefined
}

const affects = (event: SessionEvent, userId: string, sid: string): boolean =>
  event.userId === userId && (!event.sessionIds || event.sessionIds.includes(sid))

type ClientMessage = { type?: unknown; token?: unknown }

/** A JSON object the client sent, or undefined for binary frames and anything unparsable. */
const parseMessage = (data: RawData, isBinary: boolean): ClientMessage | undefined => {
  if (isBinary) return undefined
  try {
    const message: unknown = JSON.parse(data.toString())
    return message && typeof message === 'object' ? (message as ClientMessage) : undefined
  } catch {
    return undefined
  }
}

/** The auth message's token, or undefined when the message is anything else. */
const authMessageToken = (data: RawData, isBinary: boolean): string | undefined => {
  const message = parseMessage(data, isBinary)
  return message?.type === 'auth' && typeof message.token === 'string' && message.token ? message.token : undefined
}

export const attachWebSocketServer = ({
  server,
  judgeToken,
  fallbackUpgrade,
  logger,
  authTimeoutMs = DEFAULT_AUTH_TIMEOUT_MS,
  heartbeatMs = DEFAULT_HEARTBEAT_MS,
  connections,
  liveSessions,
  sessionRecheckMs = DEFAULT_SESSION_RECHECK_MS,
  subscriptions,
}: AttachWebSocketServerOptions): AttachedWebSocketServer => {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES, perMessageDeflate: false })
  const clientsByUser = new Map<string, Set<Client>>()
  const pending = new Set<PendingAuth>()
  const alive = new WeakMap<WebSocket, boolean>()
  let listening = false
  let closing = false

  const send = (socket: WebSocket, message: Record<string, unknown>) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
  }

  const revoke = (socket: WebSocket, reason: string) => {
    send(socket, { type: 'session.revoked', reason })
    socket.close(CLOSE_UNAUTHORIZED, 'session revoked')
  }

  const onSessionEvent = (event: SessionEvent) => {
    for (const auth of pending) auth.missed.push(event)
    for (const client of clientsByUser.get(event.userId) ?? []) {
      if (affects(event, client.userId, client.sid)) revoke(client.socket, event.reason)
    }
  }

  let unsubscribe: (() => void) | undefined
  const subscribe = (): Promise<void> =>
    subscribeSessionEvents(onSessionEvent).then((stop) => {
      unsubscribe = stop
      listening = true
      // close() ran before the subscription was live.
      if (closing) stop()
    })
  // A socket must never be admitted when its revocation could not reach it: without the
  // subscription, /ws refuses everyone (1011) and says so, and keeps trying to subscribe.
  const retryUntilSubscribed = (error: unknown) => {
    logger.error({ err: error }, 'no session events: WebSocket clients are refused until the subscription succeeds')
    if (closing) return
    setTimeout(() => void subscribe().catch(retryUntilSubscribed), SUBSCRIBE_RETRY_MS).unref()
  }
  const ready = subscribe()
  ready.catch(retryUntilSubscribed)

  const register = (socket: WebSocket, userId: string, sid: string) => {
    const release = subscriptions ? acquireConnection(`user:${userId}`, subscriptions.maxConnectionsPerUser) : () => undefined
    if (!release) {
      socket.close(CLOSE_TOO_MANY_CONNECTIONS, 'too many connections')
      return
    }
    const client: Client = { socket, userId, sid }
    const clients = clientsByUser.get(userId) ?? new Set<Client>()
    clients.add(client)
    clientsByUser.set(userId, clients)
    const content = subscriptions ? createSocketSubscriptions({ socket, viewer: { userId, sid }, limits: subscriptions }) : undefined
    socket.on('close', () => {
      release()
      content?.close()
      clients.delete(client)
      if (clients.size === 0 && clientsByUser.get(userId) === clients) clientsByUser.delete(userId)
    })
    socket.on('message', (data, isBinary) => {
      const message = parseMessage(data, isBinary)
      if (!message) return
      if (content?.handle(message as Record<string, unknown>)) return
      // An application-level ping for clients (browsers) that cannot send protocol pings.
      if (message.type === 'ping') send(socket, { type: 'pong' })
    })
    send(socket, { type: 'ready' })
  }

  const authenticate = (socket: WebSocket, token: string) => {
    // Events published while the database is being asked would otherwise slip past this socket.
    const auth: PendingAuth = { missed: [] }
    pending.add(auth)
    judgeToken(token)
      .then((verdict) => {
        if (socket.readyState !== socket.OPEN) return
        if (verdict.outcome !== 'valid') {
          socket.close(CLOSE_UNAUTHORIZED, 'invalid token')
          return
        }
        const { userId, sid } = verdict.subject
        const missed = auth.missed.find((event) => affects(event, userId, sid))
        if (missed) {
          revoke(socket, missed.reason)
          return
        }
        register(socket, userId, sid)
      })
      .catch((error: unknown) => {
        // An unreachable database is the availability monitor's to log, once per outage.
        if (isDatabaseUnavailableError(error)) reportDatabaseFailure(error)
        else logger.error({ err: error }, 'WebSocket token check failed')
        socket.close(CLOSE_TRY_AGAIN, 'try again later')
      })
      .finally(() => pending.delete(auth))
  }

  const onConnection = (socket: WebSocket, req: IncomingMessage) => {
    connections?.inc()
    socket.once('close', () => connections?.dec())
    alive.set(socket, true)
    socket.on('pong', () => alive.set(socket, true))
    socket.on('error', (error) => logger.debug({ err: error }, 'WebSocket error'))
    if (!listening) {
      socket.close(CLOSE_TRY_AGAIN, 'try again later')
      return
    }
    const token = queryToken(req.url)
    if (token) {
      authenticate(socket, token)
      return
    }
    // Otherwise the first message must be {"type":"auth","token":...}, in time.
    const timer = setTimeout(() => socket.close(CLOSE_UNAUTHORIZED, 'authentication timeout'), authTimeoutMs)
    socket.on('close', () => clearTimeout(timer))
    socket.once('message', (data, isBinary) => {
      clearTimeout(timer)
      const messageToken = authMessageToken(data, isBinary)
      if (messageToken) authenticate(socket, messageToken)
      else socket.close(CLOSE_UNAUTHORIZED, 'malformed auth message')
    })
  }
  wss.on('connection', onConnection)

  server.on('upgrade', (req, socket, head) => {
    if (pathOf(req.url) !== WEBSOCKET_PATH) {
      fallbackUpgrade(req, socket, head)
      return
    }
    if (closing) {
      socket.destroy()
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  })

  // Closes the sockets whose session no longer exists. A check that fails (database away) closes
  // nothing: the next one tries again.
  let rechecking: Promise<void> | undefined
  let recheckFailing = false
  const recheckSessions = (): Promise<void> | undefined => {
    if (!liveSessions || closing) return undefined
    rechecking ??= (async () => {
      const clients = [...clientsByUser.values()].flatMap((set) => [...set])
      if (clients.length === 0) return
      const live = await liveSessions(clients.map(({ userId, sid }) => ({ userId, sid })))
      const gone = clients.filter((client) => !live.has(client.sid))
      for (const client of gone) revoke(client.socket, 'session-revoked')
      if (gone.length > 0) logger.info({ closed: gone.length }, 'closed WebSockets whose session was revoked without its event arriving')
      recheckFailing = false
    })()
      .catch((error: unknown) => {
        // Once per streak: the database outage itself is reported elsewhere.
        if (!recheckFailing)
          logger.warn(
            { reason: error instanceof Error ? error.message : String(error) },
            'WebSocket session re-check failed: retrying later',
          )
        recheckFailing = true
      })
      .finally(() => {
        rechecking = undefined
      })
    return rechecking
  }
  const stopResync = onSessionEventsResync(() => void recheckSessions())
  const recheck = setInterval(() => void recheckSessions(), sessionRecheckMs)
  recheck.unref()

  // Sockets whose peer vanished (no close frame, no FIN) answer no ping: drop them.
  const heartbeat = setInterval(() => {
    for (const socket of wss.clients) {
      if (!alive.get(socket)) {
        socket.terminate()
        continue
      }
      alive.set(socket, false)
      socket.ping()
    }
  }, heartbeatMs)
  heartbeat.unref()

  const close = async () => {
    if (closing) return
    closing = true
    clearInterval(heartbeat)
    clearInterval(recheck)
    stopResync()
    unsubscribe?.()
    for (const socket of wss.clients) socket.close(CLOSE_GOING_AWAY, 'server shutting down')
    // wss.close() waits for every closing handshake; a peer that never answers gets a second.
    const handshakes = new Promise<void>((resolve) => wss.close(() => resolve()))
    const grace = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref())
    await Promise.race([handshakes, grace])
    for (const socket of wss.clients) socket.terminate()
  }

  return { ready, close }
}
