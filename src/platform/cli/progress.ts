type Stream = { isTTY?: boolean; columns?: number; write: (chunk: string) => unknown }

/**
 * A progress bar on `stream` (stderr): redrawn in place on a terminal, at most every 100 ms; a line
 * every `every` rows (and at the end) otherwise, so logs and CI output stay readable.
 */
export const createProgress = (stream: Stream, label: string, { every }: { every?: number } = {}) => {
  let lastDraw = 0
  let lastLine = -1
  let finished = false
  const width = 30

  const bar = (done: number, total: number) => {
    const ratio = total === 0 ? 1 : done / total
    const filled = Math.round(ratio * width)
    return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${done}/${total}`
  }

  return {
    update(done: number, total: number) {
      if (finished) return
      if (stream.isTTY) {
        const now = Date.now()
        if (done < total && now - lastDraw < 100) return
        lastDraw = now
        stream.write(`\r${bar(done, total)}`)
        return
      }
      const step = every ?? Math.max(1, Math.min(100, Math.ceil(total / 10)))
      if (done === lastLine || (done % step !== 0 && done !== total)) return
      lastLine = done
      stream.write(`${bar(done, total)}\n`)
    },
    /** Ends the in-place line, so what follows starts on a fresh one. */
    finish() {
      if (finished) return
      finished = true
      if (stream.isTTY) stream.write('\n')
    },
  }
}
