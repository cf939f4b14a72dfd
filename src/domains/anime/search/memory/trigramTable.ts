import { isWordChar, SPACE, type Trigram, trigramKey, trigramSequence } from './trigrams'

const f4 = Math.fround
const calcSml = (count: number, len1: number, len2: number) => f4(count / (len1 + len2 - count))

/** A query's distinct trigrams: how many (unknown ones included) and the ids of the known ones. */
export type QueryTrigrams = { size: number; ids: Int32Array }

/**
 * The index's trigrams as small integers, and pg_trgm's similarity and word_similarity (trigrams.ts,
 * the reference) computed on them: a row's trigram sequence is read from one packed array, with
 * per-trigram scratch arrays instead of the Sets and Maps the reference builds per call (those were
 * most of a query's CPU and garbage). Calls are synchronous and one at a time (a query never
 * awaits inside), so the scratch arrays are shared and left clean after each call.
 */
export class TrigramTable {
  /** Ids of trigrams of three ASCII characters (most of them), by 3 x 7 bits: no hashing. */
  private readonly ascii = new Int32Array(1 << 21).fill(-1)
  /** Ids of the others, by trigrams.ts's key. */
  private readonly others = new Map<Trigram, number>()
  private count = 0
  /** The ids of the text `walk` read last. */
  private buffer = new Int32Array(256)
  /** 1 for the trigrams of the current query (set by `mark`, cleared by `unmark`). */
  private inQuery = new Uint8Array(1024)
  /** word_similarity's last position of each trigram in the text, -1 outside a call. */
  private lastpos = new Int32Array(1024).fill(-1)
  /** Which call last saw each trigram (distinct counting without a Set). */
  private seen = new Int32Array(1024)
  private call = 0

  get size(): number {
    return this.count
  }

  private assign(): number {
    const id = this.count++
    if (id >= this.inQuery.length) this.grow()
    return id
  }

  /** The id of trigram (a, b, c), assigning the next one (only for rows' text: a query must not grow the table). */
  private intern(a: number, b: number, c: number): number {
    if ((a | b | c) < 128) {
      const slot = (a << 14) | (b << 7) | c
      let id = this.ascii[slot]!
      if (id < 0) this.ascii[slot] = id = this.assign()
      return id
    }
    const key = trigramKey(a, b, c)
    let id = this.others.get(key)
    if (id === undefined) this.others.set(key, (id = this.assign()))
    return id
  }

  /** The id of a trigram as trigrams.ts keys it, or -1 when no row has it. */
  private find(trigram: Trigram): number {
    if (typeof trigram === 'number') {
      const a = Math.floor(trigram / 0x100000000)
      const b = Math.floor(trigram / 0x10000) % 0x10000
      const c = trigram % 0x10000
      if ((a | b | c) < 128) return this.ascii[(a << 14) | (b << 7) | c]!
    }
    return this.others.get(trigram) ?? -1
  }

  /**
   * trigrams.ts's trigramSequence as interned ids, into `buffer` (its length returned): code units
   * read in place, no array of keys, no hashing for ASCII.
   */
  private walk(text: string): number {
    const lower = text.toLowerCase()
    let length = 0
    let p1 = SPACE
    let p2 = SPACE
    let inWord = false
    const emit = (c: number) => {
      const id = this.intern(p1, p2, c)
      if (length === this.buffer.length) {
        const larger = new Int32Array(length * 2)
        larger.set(this.buffer)
        this.buffer = larger
      }
      this.buffer[length++] = id
    }
    for (let i = 0; i < lower.length; i++) {
      let code = lower.charCodeAt(i)
      // As `for (const char of ...)`: a surrogate pair is one code point, a lone surrogate itself.
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < lower.length) {
        const low = lower.charCodeAt(i + 1)
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000
          i++
        }
      }
      if (isWordChar(code)) {
        if (!inWord) {
          inWord = true
          p1 = SPACE
          p2 = SPACE
        }
        emit(code)
        p1 = p2
        p2 = code
      } else if (inWord) {
        inWord = false
        emit(SPACE)
      }
    }
    if (inWord) emit(SPACE)
    return length
  }

  private grow() {
    const length = this.inQuery.length * 2
    const inQuery = new Uint8Array(length)
    inQuery.set(this.inQuery)
    const lastpos = new Int32Array(length).fill(-1)
    lastpos.set(this.lastpos)
    const seen = new Int32Array(length)
    seen.set(this.seen)
    this.inQuery = inQuery
    this.lastpos = lastpos
    this.seen = seen
  }

  /** The ids of `text`'s trigrams in order, repeats kept (word_similarity's input), interned. */
  sequence(text: string): Int32Array {
    return this.buffer.slice(0, this.walk(text))
  }

  /** The distinct trigrams of query text `q` (trigrams no row has are counted, never stored). */
  query(q: string): QueryTrigrams {
    const distinct = new Set(trigramSequence(q))
    const known: number[] = []
    for (const trigram of distinct) {
      const id = this.find(trigram)
      if (id >= 0) known.push(id)
    }
    return { size: distinct.size, ids: Int32Array.from(known) }
  }

  /** Makes `query` the one the similarity functions compare with, until `unmark`. */
  mark(query: QueryTrigrams): void {
    for (const id of query.ids) this.inQuery[id] = 1
  }

  unmark(query: QueryTrigrams): void {
    for (const id of query.ids) this.inQuery[id] = 0
  }

  private nextCall(): number {
    if (this.call >= 0x7ffffff0) {
      this.seen.fill(0)
      this.call = 0
    }
    return ++this.call
  }

  /** similarity(q, text) for the marked query of `querySize` distinct trigrams. */
  similarity(querySize: number, text: string): number {
    return this.rangeSimilarity(querySize, this.buffer, 0, this.walk(text))
  }

  /**
   * similarity(q, text) for the marked query of `querySize` distinct trigrams and the text's
   * trigram ids `indexes[from..to)` (`sequence`, or a stretch of it that is the sequence of the text).
   */
  rangeSimilarity(querySize: number, indexes: Int32Array, from: number, to: number): number {
    if (querySize === 0 || to <= from) return 0
    const call = this.nextCall()
    let size = 0
    let count = 0
    for (let i = from; i < to; i++) {
      const id = indexes[i]!
      if (this.seen[id] === call) continue
      this.seen[id] = call
      size++
      if (this.inQuery[id]) count++
    }
    return calcSml(count, querySize, size)
  }

  /**
   * word_similarity(q, text) for the marked query of `querySize` distinct trigrams and the text's
   * trigram ids `indexes[from..to)` (`sequence`; a range, so that a packed array needs no view per
   * row): trigrams.ts's wordSimilarity, a trigram's id standing for its index among the text's
   * distinct trigrams.
   */
  wordSimilarity(querySize: number, indexes: Int32Array, from = 0, to = indexes.length): number {
    const ulen1 = querySize
    if (ulen1 === 0) return 0
    const found = this.inQuery
    const lastpos = this.lastpos
    // Positions are relative to `from` (lastpos holds them): the text is indexes[from..to).
    const len2 = to - from
    let ulen2 = 0
    let count = 0
    let upper = -1
    let lower = -1
    let smlrMax = 0
    for (let i = 0; i < len2; i++) {
      const trgindex = indexes[from + i]!
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
        // pg_trgm computes the similarity at every start; it differs from the one before only
        // after a trigram left the window, so it is computed there only (the same result and the
        // same `lower`: the first start reaching a better value is still the one taken).
        let moved = false
        for (let tmpLower = lower; tmpLower <= upper; tmpLower++) {
          if (moved) {
            moved = false
            const smlrTmp = calcSml(tmpCount, ulen1, tmpUlen2)
            if (smlrTmp > smlrCur) {
              smlrCur = smlrTmp
              ulen2 = tmpUlen2
              lower = tmpLower
              count = tmpCount
            }
          }
          const tmpTrgindex = indexes[from + tmpLower]!
          if (lastpos[tmpTrgindex] === tmpLower) {
            tmpUlen2--
            if (found[tmpTrgindex]) tmpCount--
            moved = true
          }
        }
        smlrMax = Math.max(smlrMax, smlrCur)
        for (let tmpLower = prevLower; tmpLower < lower; tmpLower++) {
          const tmpTrgindex = indexes[from + tmpLower]!
          if (lastpos[tmpTrgindex] === tmpLower) lastpos[tmpTrgindex] = -1
        }
      }
    }
    for (let i = from; i < to; i++) lastpos[indexes[i]!] = -1
    return smlrMax
  }
}
