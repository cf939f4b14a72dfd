import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * The generations a response being computed for the cache depends on, recorded while Payload reads
 * (see hooks/recordCachedReads): the document read itself, every document it populates or tries to
 * populate, and what their joins and read hooks show.
 */
export type ReadDependencies = Set<string>

/**
 * One store per process, on globalThis: server.ts opens the recording around a request it may cache
 * and Payload's hooks (in Next's bundle, which loads its own copy of this module) add to it. The
 * asynchronous context follows the request through Next's route handler and Payload's DataLoader
 * (tests/int/platform/cache/documentInvalidation.int.spec.ts shows it on the compiled server).
 */
const storage = ((globalThis as Record<symbol, unknown>)[Symbol.for('cms.responseCache.readDependencies')] ??=
  new AsyncLocalStorage<ReadDependencies>()) as AsyncLocalStorage<ReadDependencies>

/** Runs `fn` (the request's handling) with `dependencies` collecting what its reads depend on. */
export const recordReadDependencies = <T>(dependencies: ReadDependencies, fn: () => T): T => storage.run(dependencies, fn)

/** Whether the code running is computing a response whose dependencies are recorded. */
export const isRecordingReadDependencies = (): boolean => storage.getStore() !== undefined

/** Notes that the response being computed depends on these generations (no-op when nothing records). */
export const addReadDependencies = (...generations: string[]): void => {
  const dependencies = storage.getStore()
  if (dependencies) for (const generation of generations) dependencies.add(generation)
}

const RECORDS_READS = Symbol.for('cms.responseCache.recordsReads')

/** Marks a read hook that only records (hooks/recordCachedReads): it shows nothing of other documents. */
export const markAsReadRecording = <T extends object>(hook: T): T => Object.assign(hook, { [RECORDS_READS]: true })

/** Whether `hook` only records reads: not a read hook that may look other documents up (see cacheDependencies). */
export const isReadRecordingHook = (hook: unknown): boolean =>
  typeof hook === 'function' && (hook as unknown as Record<symbol, unknown>)[RECORDS_READS] === true
