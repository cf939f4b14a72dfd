import type { Plugin } from 'payload'

import type { RealtimeConfig } from '../../config'
import { createRealtimeReader, type RealtimeReaderOptions } from './createReader'
import { createEventStreamEndpoints } from './eventStreamEndpoint'
import { configureRealtimeHub, setRealtimeReader } from './hub'

/**
 * Realtime subscriptions, Payload's side: `GET /api/realtime` (event streams) and
 * `/api/realtime/status`, and the reader the hub reads changed documents with, registered once
 * Payload is up (the WebSockets in server.ts wait for it).
 */
export const realtimePlugin =
  ({ limits, ...readerOptions }: RealtimeReaderOptions & { limits: RealtimeConfig }): Plugin =>
  (config) => ({
    ...config,
    endpoints: [...(config.endpoints ?? []), ...createEventStreamEndpoints(limits)],
    onInit: async (payload) => {
      await config.onInit?.(payload)
      configureRealtimeHub({
        replayEvents: limits.replayEvents,
        replaySeconds: limits.replaySeconds,
        onError: (error) => payload.logger.error({ err: error }, 'realtime: delivering a change failed'),
      })
      setRealtimeReader(createRealtimeReader(payload, readerOptions))
    },
  })
