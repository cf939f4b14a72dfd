import WebSocket from 'ws'

/** A `/ws` client for tests: records every frame it receives and waits for the next one on demand. */

export type Message = Record<string, unknown>
export type Closed = { code: number; reason: string }
export type TestSocket = {
  socket: WebSocket
  messages: Message[]
  closed: Promise<Closed>
  /** Resolves with the next message after those already consumed. */
  nextMessage: (timeoutMs?: number) => Promise<Message>
}

export const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms).unref()),
  ])

/** Tracks the sockets a test file opened, so afterAll can terminate whatever is left. */
export const createSocketTracker = () => {
  const open = new Set<WebSocket>()

  const connect = (port: number, query = ''): TestSocket => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws${query}`)
    open.add(socket)
    const messages: Message[] = []
    const waiters: (() => void)[] = []
    let consumed = 0
    socket.on('message', (data) => {
      messages.push(JSON.parse(data.toString()) as Message)
      waiters.splice(0).forEach((wake) => wake())
    })
    socket.on('error', () => undefined)
    const closed = new Promise<Closed>((resolve) =>
      socket.on('close', (code, reason) => {
        open.delete(socket)
        resolve({ code, reason: reason.toString() })
      }),
    )
    const nextMessage = (timeoutMs = 10_000) =>
      withTimeout(
        new Promise<Message>((resolve) => {
          const check = () => {
            if (messages.length > consumed) resolve(messages[consumed++]!)
            else waiters.push(check)
          }
          check()
        }),
        timeoutMs,
        'a WebSocket message',
      )
    return { socket, messages, closed, nextMessage }
  }

  const terminateAll = () => {
    for (const socket of open) socket.terminate()
  }

  return { connect, terminateAll }
}

export const opened = (socket: WebSocket) =>
  withTimeout(
    new Promise<void>((resolve, reject) => {
      if (socket.readyState === WebSocket.OPEN) resolve()
      socket.once('open', () => resolve())
      socket.once('error', reject)
    }),
    10_000,
    'the WebSocket to open',
  )

export const closedWithin = (client: TestSocket, ms = 10_000) => withTimeout(client.closed, ms, 'the WebSocket to close')

/** Opens /ws with a token and resolves with the first message (closing the socket) or the close code. */
export const firstMessageOrClose = (port: number, token: string): Promise<{ message?: unknown; closeCode?: number }> =>
  new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${encodeURIComponent(token)}`)
    socket.on('error', () => undefined)
    socket.once('message', (data) => {
      resolve({ message: JSON.parse(data.toString()) })
      socket.close()
    })
    socket.once('close', (code) => resolve({ closeCode: code }))
  })
