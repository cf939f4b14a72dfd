import type { SeededAnime } from './seed'
import { createRng, pick, type Rng } from './titles'

export const RELEVANCE_KINDS = ['exact', 'prefix', 'reordered', 'deletion', 'transposition', 'replacement', 'other-language'] as const
export type RelevanceKind = (typeof RELEVANCE_KINDS)[number]
/** One query and the title it is looking for. */
export type RelevanceCase = { kind: RelevanceKind; q: string; id: number; title: string }

const PER_KIND = 12
const words = (title: string): string[] => title.split(/\s+/).filter(Boolean)
const letterPositions = (word: string): number[] => [...word].map((ch, i) => (/\p{L}/u.test(ch) && i > 0 ? i : -1)).filter((i) => i > 0)

/** A word of 4+ letters in `title` (by index), or undefined. */
const longWord = (rng: Rng, title: string): number | undefined => {
  const candidates = words(title)
    .map((word, index) => ([...word].filter((ch) => /\p{L}/u.test(ch)).length >= 4 ? index : -1))
    .filter((index) => index >= 0)
  return candidates.length > 0 ? pick(rng, candidates) : undefined
}

const editWord = (rng: Rng, title: string, edit: (word: string, at: number) => string): string | undefined => {
  const index = longWord(rng, title)
  if (index === undefined) return undefined
  const parts = words(title)
  const word = parts[index]!
  const positions = letterPositions(word).filter((i) => i + 1 < word.length && /\p{L}/u.test(word[i + 1]!) && word[i] !== word[i + 1])
  if (positions.length === 0) return undefined
  parts[index] = edit(word, pick(rng, positions))
  return parts.join(' ')
}

/**
 * A fixed relevance set drawn (fixed seed) from the loaded catalog, PER_KIND queries of each kind,
 * each looking for one title: the whole title (romaji or English); its first ~60 % (cut inside a
 * word, as typed); its words in reverse order; one letter dropped, two neighbouring letters
 * swapped ("Trera e" for "Terra e"), one letter replaced, each in one word of 4+ letters; the
 * Japanese (kana) or Russian title. The bench counts a hit when the title is in the first page
 * (10), and at rank 1.
 */
export const buildRelevanceSet = (rows: readonly SeededAnime[], seed = 13): RelevanceCase[] => {
  const rng = createRng(seed)
  const cases: RelevanceCase[] = []
  const add = (kind: RelevanceKind, make: (row: SeededAnime) => { q: string; title: string } | undefined) => {
    for (let added = 0, tries = 0; added < PER_KIND && tries < 1000; tries++) {
      const row = pick(rng, rows)
      const made = make(row)
      if (
        !made ||
        made.q.trim() === '' ||
        (made.q.toLowerCase() === made.title.toLowerCase() && kind !== 'exact' && kind !== 'other-language')
      )
        continue
      cases.push({ kind, q: made.q, id: row.id, title: made.title })
      added++
    }
  }
  const either = (row: SeededAnime) => (row.titleEnglish && rng() < 0.5 ? row.titleEnglish : row.title)
  add('exact', (row) => ({ q: either(row), title: row.title }))
  add('prefix', (row) => {
    const title = either(row)
    return title.length >= 8 ? { q: title.slice(0, Math.ceil(title.length * 0.6)), title: row.title } : undefined
  })
  add('reordered', (row) => {
    const parts = words(either(row))
    return parts.length >= 2 ? { q: [...parts].reverse().join(' '), title: row.title } : undefined
  })
  add('deletion', (row) => {
    const q = editWord(rng, either(row), (word, at) => word.slice(0, at) + word.slice(at + 1))
    return q ? { q, title: row.title } : undefined
  })
  add('transposition', (row) => {
    const q = editWord(rng, either(row), (word, at) => word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2))
    return q ? { q, title: row.title } : undefined
  })
  add('replacement', (row) => {
    const q = editWord(
      rng,
      either(row),
      (word, at) =>
        word.slice(0, at) +
        pick(
          rng,
          [...'aeiouknrst'].filter((ch) => ch !== word[at]!.toLowerCase()),
        ) +
        word.slice(at + 1),
    )
    return q ? { q, title: row.title } : undefined
  })
  add('other-language', (row) => {
    const title = rng() < 0.5 ? row.titleJapanese : row.titleRussian
    return title ? { q: title, title: row.title } : undefined
  })
  return cases
}

export type RelevanceScore = { kind: RelevanceKind; cases: number; top10: number; top1: number }

/**
 * Hit rates per kind: `docsOf` answers the search's docs for a query. A hit is the title looked
 * for, by id or by the same title (the synthetic catalog repeats some titles).
 */
export const scoreRelevance = async (
  cases: readonly RelevanceCase[],
  docsOf: (q: string) => Promise<{ id: number; title: string }[]>,
): Promise<{ scores: RelevanceScore[]; misses: RelevanceCase[] }> => {
  const scores = new Map<RelevanceKind, RelevanceScore>(RELEVANCE_KINDS.map((kind) => [kind, { kind, cases: 0, top10: 0, top1: 0 }]))
  const misses: RelevanceCase[] = []
  for (const item of cases) {
    const docs = await docsOf(item.q)
    const at = docs.findIndex((doc) => doc.id === item.id || doc.title === item.title)
    const score = scores.get(item.kind)!
    score.cases++
    if (at >= 0 && at < 10) score.top10++
    else misses.push(item)
    if (at === 0) score.top1++
  }
  return { scores: [...scores.values()], misses }
}
