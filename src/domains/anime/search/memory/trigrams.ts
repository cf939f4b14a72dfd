/**
 * pg_trgm's similarity and word_similarity (trgm_op.c, PostgreSQL 15), in JS, so that the
 * in-process index ranks exactly as the SQL does. A word is a run of letters and digits (pg_trgm's
 * ISWORDCHR under a UTF-8 locale), padded "  word " into trigrams; trigrams are compared as
 * characters (pg_trgm compresses multibyte trigrams into a 3-byte CRC, whose rare collisions are
 * the only difference). Results are float4, as PostgreSQL's.
 */
const WORD_CHAR = /^[\p{L}\p{N}]$/u
const wordChars = new Map<number, boolean>()

/** pg_trgm's ISWORDCHR: a letter or digit (ASCII by range, the rest by Unicode class, remembered). */
export const isWordChar = (code: number): boolean => {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90)
  let known = wordChars.get(code)
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(code))
    wordChars.set(code, known)
  }
  return known
}

/** A trigram as a key: three BMP characters packed in a number (no string built), else a string. */
export type Trigram = number | string
export const SPACE = 32
export const trigramKey = (a: number, b: number, c: number): Trigram =>
  a < 0x10000 && b < 0x10000 && c < 0x10000 ? a * 0x100000000 + b * 0x10000 + c : String.fromCodePoint(a, b, c)

/** The trigrams of `text` in order (repeats kept), as word_similarity reads them: each word padded "  word ". */
export const trigramSequence = (text: string): Trigram[] => {
  const out: Trigram[] = []
  const lower = text.toLowerCase()
  let p1 = SPACE
  let p2 = SPACE
  let inWord = false
  for (const char of lower) {
    const code = char.codePointAt(0)!
    if (isWordChar(code)) {
      if (!inWord) {
        inWord = true
        p1 = SPACE
        p2 = SPACE
      }
      out.push(trigramKey(p1, p2, code))
      p1 = p2
      p2 = code
    } else if (inWord) {
      inWord = false
      out.push(trigramKey(p1, p2, SPACE))
    }
  }
  if (inWord) out.push(trigramKey(p1, p2, SPACE))
  return out
}

/** The distinct trigrams of `text`. */
export const trigramSet = (text: string): Set<Trigram> => new Set(trigramSequence(text))

const f4 = Math.fround
const calcSml = (count: number, len1: number, len2: number) => f4(count / (len1 + len2 - count))

/** similarity(a, b): shared distinct trigrams over all distinct trigrams. */
export const similarityOfSets = (a: Set<Trigram>, b: Set<Trigram>): number => {
  if (a.size === 0 || b.size === 0) return 0
  let count = 0
  for (const trigram of a) if (b.has(trigram)) count++
  return calcSml(count, a.size, b.size)
}

/**
 * word_similarity(q, text) for q's distinct trigrams `query`: the best similarity between q and a
 * continuous stretch of text's trigrams (iterate_word_similarity, non-strict, full maximum).
 */
export const wordSimilarity = (query: Set<Trigram>, text: string): number => {
  const ulen1 = query.size
  if (ulen1 === 0) return 0
  const sequence = trigramSequence(text)
  const len2 = sequence.length
  // Index each distinct trigram of text (q's trigrams are marked `found`).
  const ids = new Map<Trigram, number>()
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
