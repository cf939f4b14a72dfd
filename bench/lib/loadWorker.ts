/**
 * The load generator's own process (started by bench/lib/loadProcess.ts): it runs one job at a time
 * sent over IPC and answers with its result, so that the requests are sent and timed on an event
 * loop that does nothing else (no server output, no bookkeeping of the bench).
 */
import { runLoad } from './load'
import { runSoak } from './soak'
import type { LoadJob, LoadJobReply } from './loadProcess'

const run = async (job: LoadJob): Promise<LoadJobReply['result']> => {
  if (job.kind === 'soak') return runSoak(job.options)
  const { paths, headers, ...options } = job.options
  const cpuBefore = process.cpuUsage()
  const result = await runLoad({
    ...options,
    path: (i) => paths[i % paths.length]!,
    headers: headers?.length ? (i) => headers[i % headers.length] : undefined,
  })
  const cpu = process.cpuUsage(cpuBefore)
  return { ...result, generatorCpu: (cpu.user + cpu.system) / 1e6 / result.seconds }
}

process.on('message', (job: LoadJob) => {
  run(job).then(
    (result) => process.send?.({ id: job.id, result } satisfies LoadJobReply),
    (error: unknown) =>
      process.send?.({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies LoadJobReply),
  )
})
// The bench went away (finished or killed): so does its load generator.
process.on('disconnect', () => process.exit(0))
