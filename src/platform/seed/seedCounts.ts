/** What one seed run created and what was already there (and left as it was). */
export type SeedCounts = { created: number; existing: number }
