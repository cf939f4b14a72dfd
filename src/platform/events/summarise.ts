/** Picks the public summary of a document for an event's `data`. */
export type EventSummary = (doc: Record<string, unknown>) => Record<string, unknown>

/** The named top-level fields that are set; relationships are reduced to their ids. */
export const pickFields =
  (fields: string[]): EventSummary =>
  (doc) => {
    const summary: Record<string, unknown> = {}
    for (const field of fields) {
      const value = doc[field]
      if (value === undefined || value === null) continue
      summary[field] = typeof value === 'object' && !Array.isArray(value) && 'id' in value ? (value as { id: unknown }).id : value
    }
    return summary
  }
