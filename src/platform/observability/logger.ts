import pino from 'pino'

/** Logger for the code that runs outside Payload (the custom server, start-up checks). */
export const createLogger = (name: string) =>
  pino({
    name,
    level: 'info',
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  })

export type Logger = ReturnType<typeof createLogger>
