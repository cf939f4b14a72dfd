import { describe, expect, it } from 'vitest'

import { TrigramTable } from '@/domains/anime/search/memory/trigramTable'
import { similarityOfSets, trigramSet, wordSimilarity } from '@/domains/anime/search/memory/trigrams'

/** Letters of several scripts, digits, separators, an astral character and a lone surrogate. */
const ALPHABET = [...'aabcdeeiknorstuy019 -:!?АаБтитановвзヤマトの進撃巨人'].concat(['𝒜', '\ud800', 'İ', 'ß'])

const randomText = (random: () => number, maxLength: number): string => {
  const length = Math.floor(random() * maxLength)
  let text = ''
  for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(random() * ALPHABET.length)]
  return text
}

/** A fixed-seed generator (mulberry32): the same cases on every run. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

describe('TrigramTable', () => {
  it('computes similarity and word_similarity exactly as the reference (trigrams.ts) on random text', () => {
    const random = seeded(13)
    const texts = Array.from({ length: 400 }, () => randomText(random, 40))
    const table = new TrigramTable()
    const sequences = texts.map((text) => table.sequence(text))
    // The same sequences packed in one array, as the index keeps them (read by range).
    const starts = [0]
    for (const sequence of sequences) starts.push(starts.at(-1)! + sequence.length)
    const packed = new Int32Array(starts.at(-1)!)
    sequences.forEach((sequence, k) => packed.set(sequence, starts[k]))
    let compared = 0
    for (let i = 0; i < 300; i++) {
      // Queries: random text, or a piece of a row's text (so that most pairs share trigrams).
      const source = texts[Math.floor(random() * texts.length)]!
      const start = Math.floor(random() * source.length)
      const q = random() < 0.5 ? randomText(random, 20) : source.slice(start, start + 3 + Math.floor(random() * 15))
      const reference = trigramSet(q)
      const query = table.query(q)
      expect(query.size).toBe(reference.size)
      table.mark(query)
      try {
        for (let j = 0; j < 40; j++) {
          const k = Math.floor(random() * texts.length)
          const expected = wordSimilarity(reference, texts[k]!)
          expect(table.wordSimilarity(query.size, sequences[k]!)).toBe(expected)
          expect(table.wordSimilarity(query.size, packed, starts[k]!, starts[k + 1]!)).toBe(expected)
          expect(table.similarity(query.size, texts[k]!)).toBe(similarityOfSets(reference, trigramSet(texts[k]!)))
          compared++
        }
      } finally {
        table.unmark(query)
      }
    }
    expect(compared).toBe(12_000)
  })

  it('finds pairs that are similar, so the comparison above is not only of zeros', () => {
    const table = new TrigramTable()
    const text = 'shingeki no kyojin\nattack on titan'
    const sequence = table.sequence(text)
    const query = table.query('atack on titan')
    table.mark(query)
    const similarity = table.wordSimilarity(query.size, sequence)
    table.unmark(query)
    expect(similarity).toBeGreaterThan(0.6)
    expect(similarity).toBe(wordSimilarity(trigramSet('atack on titan'), text))
  })

  it('does not grow on queries: trigrams no row has are counted, not stored', () => {
    const table = new TrigramTable()
    table.sequence('terra e')
    const size = table.size
    const query = table.query('zzqx vvwk')
    expect(query.size).toBe(trigramSet('zzqx vvwk').size)
    expect(query.ids.length).toBe(0)
    expect(table.size).toBe(size)
  })
})
