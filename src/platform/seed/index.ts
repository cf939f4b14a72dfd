/** Helpers every product's seed uses: idempotent lookups, counts, rich text from plain text. */
export { findIdBy } from './findIdBy'
export { type LexicalDocument, plainTextToLexical } from './plainTextToLexical'
export type { SeedCounts } from './seedCounts'
