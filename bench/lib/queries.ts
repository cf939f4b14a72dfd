import type { SeededAnime } from './seed'
import { createRng, misspell, pick, type Rng } from './titles'

export type SearchQuery = { kind: 'exact' | 'partial' | 'multi-word' | 'misspelt'; q: string }

const PARTICLES = new Set(['no', 'wa', 'to', 'ga', 'de', 'the', 'of', 'in', 'a', 'on', '&', 'my'])
const contentWords = (title: string): string[] =>
  title.split(/[\s:]+/).filter((word) => word.length >= 3 && !PARTICLES.has(word.toLowerCase()))

/**
 * A fixed mix of 40 queries drawn (with a fixed seed) from the loaded titles: 10 exact full
 * titles (romaji and English), 10 partial (one word, or the first letters of one), 10 multi-word
 * (two words of a title, reordered) and 10 misspelt (1-2 letter typos in a title).
 */
export const buildQueryMix = (rows: readonly SeededAnime[], seed = 7): SearchQuery[] => {
  const rng: Rng = createRng(seed)
  const withEnglish = rows.filter((row) => row.titleEnglish)
  const multiWordRomaji = rows.filter((row) => contentWords(row.title).length >= 2)
  const multiWordEnglish = withEnglish.filter((row) => contentWords(row.titleEnglish!).length >= 2)
  const queries: SearchQuery[] = []
  for (let i = 0; i < 5; i++) {
    queries.push({ kind: 'exact', q: pick(rng, rows).title })
    queries.push({ kind: 'exact', q: pick(rng, withEnglish).titleEnglish! })
  }
  for (let i = 0; i < 5; i++) {
    const word = pick(rng, contentWords(pick(rng, multiWordRomaji).title))
    queries.push({ kind: 'partial', q: word })
    const prefixOf = pick(
      rng,
      contentWords(pick(rng, multiWordRomaji).title)
        .filter((w) => w.length >= 5)
        .concat(['shingeki']),
    )
    queries.push({ kind: 'partial', q: prefixOf.slice(0, Math.max(4, prefixOf.length - 2)) })
  }
  for (let i = 0; i < 5; i++) {
    const romaji = contentWords(pick(rng, multiWordRomaji).title)
    queries.push({ kind: 'multi-word', q: `${romaji[1]} ${romaji[0]}` })
    const english = contentWords(pick(rng, multiWordEnglish).titleEnglish!)
    queries.push({ kind: 'multi-word', q: `${english[english.length - 1]} ${english[0]}` })
  }
  for (let i = 0; i < 5; i++) {
    queries.push({ kind: 'misspelt', q: misspell(rng, pick(rng, multiWordRomaji).title, 2) })
    queries.push({ kind: 'misspelt', q: misspell(rng, pick(rng, withEnglish).titleEnglish!, 1) })
  }
  return queries
}

/**
 * Keystrokes for autocomplete: 24 titles from the catalog (romaji and English, 6 of them with a
 * typo in them as typed), each cut after 3, 5, 7, ... characters, as a user typing it would send.
 */
export const buildSuggestMix = (rows: readonly SeededAnime[], seed = 11): string[] => {
  const rng: Rng = createRng(seed)
  const withEnglish = rows.filter((row) => row.titleEnglish)
  const typed: string[] = []
  for (let i = 0; i < 9; i++) typed.push(pick(rng, rows).title, pick(rng, withEnglish).titleEnglish!)
  for (let i = 0; i < 3; i++) typed.push(misspell(rng, pick(rng, rows).title, 1), misspell(rng, pick(rng, withEnglish).titleEnglish!, 1))
  return typed.flatMap((title) => {
    const prefixes: string[] = []
    for (let length = 3; length < title.length; length += 2) prefixes.push(title.slice(0, length))
    prefixes.push(title)
    return prefixes
  })
}
