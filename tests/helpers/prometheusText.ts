/** One sample of a Prometheus text exposition: `name{labels} value`. */
export type Sample = { name: string; labels: Record<string, string>; value: number }

/** Parses the samples of a scrape (comments and blank lines skipped). */
export const parsePrometheusText = (text: string): Sample[] =>
  text.split('\n').flatMap((line) => {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line)
    if (!match || line.startsWith('#')) return []
    const labels: Record<string, string> = {}
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[key!] = value!
    return [{ name: match[1]!, labels, value: Number(match[3]) }]
  })

/** Samples named `name` whose labels include every one of `labels`. */
export const samplesOf = (samples: Sample[], name: string, labels: Record<string, string> = {}): Sample[] =>
  samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value))

/** The sum of the matching samples, or undefined when there is none. */
export const valueOf = (samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined => {
  const found = samplesOf(samples, name, labels)
  return found.length ? found.reduce((sum, sample) => sum + sample.value, 0) : undefined
}
