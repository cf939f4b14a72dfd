import net from 'node:net'

import { freePort } from './freePort'

export type TcpProxy = {
  port: number
  /** Drops every open connection and refuses new ones: the service looks down. */
  cut: () => void
  /**
   * Accepts connections (new and open ones) but never answers and never forwards: a partitioned or
   * hung service. Open connections stay open, so clients wait until their own timeouts fire.
   */
  blackhole: () => void
  /** Keeps connections open but throws away what the service sends (confirms included). */
  swallowReplies: (on: boolean) => void
  /** Forwards again; connections made while cut or blackholed are dropped so clients reconnect. */
  restore: () => void
  close: () => Promise<void>
}

type Mode = 'open' | 'cut' | 'blackhole'

/**
 * A TCP proxy on a free port in front of a service on 127.0.0.1:`targetPort`. Tests cut or
 * blackhole it to inject faults; the shared services behind it are never touched.
 */
export const startTcpProxy = async (targetPort: number): Promise<TcpProxy> => {
  const port = await freePort()
  let mode: Mode = 'open'
  let swallow = false
  const sockets = new Set<net.Socket>()
  /** Connections accepted while blackholed: held open, never forwarded. */
  const held = new Set<net.Socket>()

  const server = net.createServer((client) => {
    if (mode === 'cut') {
      client.destroy()
      return
    }
    if (mode === 'blackhole') {
      held.add(client)
      client.on('error', () => undefined).on('close', () => held.delete(client))
      client.resume()
      return
    }
    const upstream = net.connect(targetPort, '127.0.0.1')
    sockets.add(client)
    sockets.add(upstream)
    const drop = () => {
      client.destroy()
      upstream.destroy()
      sockets.delete(client)
      sockets.delete(upstream)
    }
    client.on('error', drop).on('close', drop)
    upstream.on('error', drop).on('close', drop)
    client.on('data', (chunk: Buffer) => {
      if (mode === 'open') upstream.write(chunk)
    })
    upstream.on('data', (chunk: Buffer) => {
      if (mode === 'open' && !swallow) client.write(chunk)
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))

  const dropAll = () => {
    for (const socket of [...sockets, ...held]) socket.destroy()
    sockets.clear()
    held.clear()
  }
  return {
    port,
    cut: () => {
      mode = 'cut'
      dropAll()
    },
    blackhole: () => {
      mode = 'blackhole'
    },
    swallowReplies: (on) => {
      swallow = on
    },
    restore: () => {
      // After a blackhole the open connections are out of step with their peers: drop them all.
      if (mode === 'blackhole') dropAll()
      mode = 'open'
      swallow = false
    },
    close: async () => {
      mode = 'cut'
      dropAll()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
