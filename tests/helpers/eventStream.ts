import { withTimeout } from './webSocketClient'

/** One Server-Sent Event as a client sees it (comments left out). */
export type StreamEvent = { id?: string; event: string; data: string }

export type EventStreamClient = {
  status: number
  headers: Headers
  events: StreamEvent[]
  /** Resolves with the next event after those already consumed. */
  next: (timeoutMs?: number) => Promise<StreamEvent>
  /** Resolves when the server ends the stream. */
  ended: Promise<void>
  close: () => void
  /** The body of a refused request (status not 200). */
  text: () => Promise<string>
}

/** Opens `GET url` as an event stream and parses what arrives, as EventSource would. */
export const openEventStream = async (url: string, headers: Record<string, string> = {}): Promise<EventStreamClient> => {
  const abort = new AbortController()
  const response = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: abort.signal })
  const events: StreamEvent[] = []
  const waiters: (() => void)[] = []
  let consumed = 0
  let done = false
  const wake = () => waiters.splice(0).forEach((resume) => resume())
  const ended = (async () => {
    if (response.status !== 200 || !response.body) return
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true })
        let end: number
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const event: StreamEvent = { event: 'message', data: '' }
          const data: string[] = []
          for (const line of block.split('\n')) {
            if (line.startsWith(':') || line === '') continue
            const colon = line.indexOf(':')
            const field = colon === -1 ? line : line.slice(0, colon)
            const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
            if (field === 'id') event.id = value
            else if (field === 'event') event.event = value
            else if (field === 'data') data.push(value)
          }
          if (data.length === 0) continue
          event.data = data.join('\n')
          events.push(event)
          wake()
        }
      }
    } catch {
      // aborted by close()
    } finally {
      done = true
      wake()
    }
  })()
  const next = (timeoutMs = 10_000) =>
    withTimeout(
      new Promise<StreamEvent>((resolve, reject) => {
        const check = () => {
          if (events.length > consumed) resolve(events[consumed++]!)
          else if (done) reject(new Error('the stream ended'))
          else waiters.push(check)
        }
        check()
      }),
      timeoutMs,
      'a stream event',
    )
  return {
    status: response.status,
    headers: response.headers,
    events,
    next,
    ended,
    close: () => abort.abort(),
    text: () => response.text(),
  }
}
