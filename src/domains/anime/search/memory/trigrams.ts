/**
 * pg_trgm's similarity and word_similarity (trgm_op.c, PostgreSQL 15), in JS, so that the
 * in-process index ranks exactly as the SQL does. A word is a run of letters and digits (pg_trgm's
 * ISWORDCHR under a UTF-8 locale), padded "  word " into trigrams; trigrams are compared as
 * characters (pg_trgm compresses multibyte trigrams into a 3-byte CRC, whose rare collisions are
 * the only difference). Results are float4, as PostgreSQL's.
 */
const WORD = /[\p{L}\p{N}]+/gu

/** The trigrams of `text` in order (repeats kept), as word_similarity reads them. */
export const trigramSequence = (text: string): string[] => {
  const out: string[] = []
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const chars = ['  ', ...match[0]].join('') + ' '
    const letters = [...chars]
    for (let i = 0; i + 2 < letters.length; i++) out.push(letters[i]! + letters[i + 1]! + letters[i + 2]!)
  }
  return out
}

/** The distinct trigrams of `text`. */
export const trigramSet = (text: string): Set<string> => new Set(trigramSequence(text))

const f4 = Math.fround
const calcSml = (count: number, len1: number, len2: number) => f4(count / (len1 + len2 - count))

/** similarity(a, b): shared distinct trigrams over all distinct trigrams. */
export const similarityOfSets = (a: Set<string>, b: Set<string>): number => {
  if (a.size === 0 || b.size === 0) return 0
  let count = 0
  for (const trigram of a) if (b.has(trigram)) count++
  return calcSml(count, a.size, b.size)
}

/**
 * word_similarity(q, text) for q's distinct trigrams `query`: the best similarity between q and a
 * continuous stretch of text's trigrams (iterate_word_similarity, non-strict, full maximum).
 */
export const wordSimilarity = (query: Set<string>, text: string): number => {
  const ulen1 = query.size
  if (ulen1 === 0) return 0
  const sequence = trigramSequence(text)
  const len2 = sequence.length
  // Index each distinct trigram of text (q's trigrams are marked `found`).
  const ids = new Map<string, number>()
  const indexes = new Int32Array(len2)
  const found: boolean[] = []
  for (let i = 0; i < len2; i++) {
    const trigram = sequence[i]!
    let id = ids.get(trigram)
    if (id === undefined) {
      id = ids.size
      ids.set(trigram, id)
      found.push(query.has(trigram))
    }
    indexes[i] = id
  }
  const lastpos = new Int32Array(ids.size).fill(-1)
  let ulen2 = 0
  let count = 0
  let upper = -1
  let lower = -1
  let smlrMax = 0
  for (let i = 0; i < len2; i++) {
    const trgindex = indexes[i]!
    if (lower >= 0 || found[trgindex]) {
      if (lastpos[trgindex]! < 0) {
        ulen2++
        if (found[trgindex]) count++
      }
      lastpos[trgindex] = i
    }
    if (found[trgindex]) {
      upper = i
      if (lower === -1) {
        lower = i
        ulen2 = 1
      }
      let smlrCur = calcSml(count, ulen1, ulen2)
      let tmpCount = count
      let tmpUlen2 = ulen2
      const prevLower = lower
      for (let tmpLower = lower; tmpLower <= upper; tmpLower++) {
        const smlrTmp = calcSml(tmpCount, ulen1, tmpUlen2)
        if (smlrTmp > smlrCur) {
          smlrCur = smlrTmp
          ulen2 = tmpUlen2
          lower = tmpLower
          count = tmpCount
        }
        const tmpTrgindex = indexes[tmpLower]!
        if (lastpos[tmpTrgindex] === tmpLower) {
          tmpUlen2--
          if (found[tmpTrgindex]) tmpCount--
        }
      }
      smlrMax = Math.max(smlrMax, smlrCur)
      for (let tmpLower = prevLower; tmpLower < lower; tmpLower++) {
        const tmpTrgindex = indexes[tmpLower]!
        if (lastpos[tmpTrgindex] === tmpLower) lastpos[tmpTrgindex] = -1
      }
    }
  }
  return smlrMax
}
