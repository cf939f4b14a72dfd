import amqp, { type ChannelModel } from 'amqplib'

/** Seconds between heartbeats: without them a silently dropped connection is never noticed. */
const HEARTBEAT_SECONDS = 15
/** Bounds the TCP connect and the AMQP handshake, which otherwise wait forever on a dead peer. */
const CONNECT_TIMEOUT_MS = 10_000

/** The URL with a heartbeat, unless it names one itself (`?heartbeat=`). */
export const withHeartbeat = (url: string): string => {
  const parsed = new URL(url)
  if (!parsed.searchParams.has('heartbeat')) parsed.searchParams.set('heartbeat', String(HEARTBEAT_SECONDS))
  return parsed.toString()
}

/** Opens a connection as every part of the app does: named, with heartbeats and a connect timeout. */
export const connectBroker = (url: string, connectionName: string): Promise<ChannelModel> =>
  amqp.connect(withHeartbeat(url), { timeout: CONNECT_TIMEOUT_MS, clientProperties: { connection_name: connectionName } })
