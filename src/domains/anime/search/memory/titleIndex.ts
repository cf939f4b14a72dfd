import { editVariants } from '../editVariants'
import type { IndexedRow } from './indexedRow'
import { type QueryTrigrams, TrigramTable } from './trigramTable'

/**
 * The published titles of one instance in memory, matched and ranked as the search SQL does
 * (sql.ts: tiers 0 to 2, the same checks, the same pg_trgm similarity in float4, the same ties),
 * with no PostgreSQL: word postings from PostgreSQL's own tsvector lexemes (weight A for titles,
 * the rest for the synopsis), trigram postings of search_titles for the similar tier.
 *
 * Each row's trigram sequence is kept packed as ids (trigramTable.ts), so that ranking a row by
 * trigrams reads integers instead of re-parsing its titles into Sets on every query.
 *
 * The postings are built once (typed arrays, compact); later changes go to a small overlay: a
 * changed or new row is matched by a scan of the overlay, its old slot is dead. Changes to numbers
 * only (view and favorite counts) update the row in place.
 */

/** As sql.ts: tier-0 ranks, the generic cut, the fine ranking cut, the trigram threshold. */
const EXACT = 4
const STARTS = 2
const CONTAINS = 1
const GENERIC_WORD_MATCHES = 300
const FINE_RANKING_MATCHES = 100
const WORD_SIMILARITY_THRESHOLD = 0.6
/**
 * More similar-tier rows to compute than this (titles sharing 60 % of the query's trigrams, before
 * the rest are ruled out) and the index gives up to the SQL. word_similarity here costs 3-6 us a
 * row (100k titles, this machine), so 3,000 hold the event loop 10-18 ms; the SQL's answer to such
 * a query ("Attack on Rialg": ~1,900 rows) took 136 ms of the database's CPU.
 */
const MAX_SIMILAR_CANDIDATES = 3_000

export type Filters = { kind: string | null; status: string | null; year: number | null }
export type Hit = { row: IndexedRow; tier: number; rank: number }
/** A query word and the words it may also be (tier 1's edits); `prefix` for the first only. */
type WordTerm = { word: string; prefix: boolean; variants: string[] }

const f4 = Math.fround
const EMPTY = new Int32Array(0)
/** The title columns a row's lower_titles holds (title, English, Japanese, Russian). */
const TITLES = 4
/** TitleIndex.titleFrom of a title with no stretch of its own in the row's sequence. */
const NO_RANGE = 0xffff
const MAX_RANGE = NO_RANGE - 1

/** The first offset in `sequence` where `part` occurs as a contiguous stretch, or -1 (empty: 0). */
const stretchOf = (sequence: Int32Array, part: Int32Array): number => {
  const last = sequence.length - part.length
  outer: for (let at = 0; at <= last; at++) {
    for (let k = 0; k < part.length; k++) if (sequence[at + k] !== part[k]) continue outer
    return at
  }
  return -1
}

/**
 * `lists[i]` is the list of `keys[i]` (sorted keys, for prefixes: no map lookup per key).
 * `prefixes`: for the first SHORT_PREFIX code units of the keys (2 on), the union of the lists of
 * every key starting so: a keystroke's short prefix ("th", "kyo") is then one list, not hundreds.
 */
type Postings = { map: Map<string, Int32Array>; keys: string[]; lists: Int32Array[]; prefixes?: Map<string, Int32Array> }

/** Prefixes up to this many UTF-16 code units have their lists merged in advance (Postings.prefixes). */
const SHORT_PREFIX = 3

const buildPostings = (lists: Map<string, number[]>, prefixLists?: Map<string, number[]>): Postings => {
  const map = new Map<string, Int32Array>()
  for (const [key, slots] of lists) map.set(key, Int32Array.from(slots))
  const keys = [...map.keys()].sort()
  const prefixes = prefixLists && new Map([...prefixLists].map(([prefix, slots]) => [prefix, Int32Array.from(slots)]))
  return { map, keys, lists: keys.map((key) => map.get(key)!), prefixes }
}

const push = <Key>(lists: Map<Key, number[]>, key: Key, slot: number) => {
  const list = lists.get(key)
  if (list) list.push(slot)
  else lists.set(key, [slot])
}

/** Lists `slot` under each short prefix of `lexeme` (once per slot: slots come in ascending order). */
const pushPrefixes = (lists: Map<string, number[]>, lexeme: string, slot: number) => {
  for (let length = 2; length <= SHORT_PREFIX && length <= lexeme.length; length++) {
    const prefix = lexeme.slice(0, length)
    const list = lists.get(prefix)
    if (!list) lists.set(prefix, [slot])
    else if (list[list.length - 1] !== slot) list.push(slot)
  }
}

/** The first index from `at` on where ascending `list` holds `slot` or more (exponential, then binary search). */
const firstAtLeast = (list: Int32Array, at: number, slot: number): number => {
  const length = list.length
  if (at >= length || list[at]! >= slot) return at
  let low = at + 1
  let step = 1
  let high = low
  while (high < length && list[high]! < slot) {
    low = high + 1
    step *= 2
    high = low + step
  }
  if (high > length) high = length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (list[mid]! < slot) low = mid + 1
    else high = mid
  }
  return low
}

/**
 * A list at most this many times longer than the candidates is walked whole (one read of the
 * counts per entry); a longer one is galloped through (a binary search per candidate).
 */
const WALK_RATIO = 6

/**
 * Adds one to `counts` of each of the first `size` of ascending `slots` that ascending `list` holds.
 * The candidates are exactly the slots whose count is above zero (the rest are zero), so a list not
 * much longer than them is walked whole; a long one is merged by galloping through it, which costs
 * about log(its length / size) per slot rather than its length.
 */
const countShared = (slots: Int32Array, size: number, list: Int32Array, counts: Uint16Array): void => {
  if (list.length <= size * WALK_RATIO) {
    for (let k = 0; k < list.length; k++) {
      const slot = list[k]!
      if (counts[slot]! > 0) counts[slot]!++
    }
    return
  }
  let at = 0
  for (let k = 0; k < size; k++) {
    const slot = slots[k]!
    at = firstAtLeast(list, at, slot)
    if (at === list.length) return
    if (list[at] === slot) counts[slot]!++
  }
}

/** Sets `marks[slot] = mark` for each of the first `size` of ascending `slots` that ascending `list` holds (as countShared). */
const markShared = (slots: Int32Array, size: number, list: Int32Array, marks: Int32Array, mark: number): void => {
  let at = 0
  for (let k = 0; k < size; k++) {
    const slot = slots[k]!
    at = firstAtLeast(list, at, slot)
    if (at === list.length) return
    if (list[at] === slot) marks[slot] = mark
  }
}

/** The posting lists of `word`: its own, or every key it starts (binary search on sorted keys). */
const listsOf = (postings: Postings, word: string, prefix: boolean, out: Int32Array[]): void => {
  if (!prefix) {
    const list = postings.map.get(word)
    if (list) out.push(list)
    return
  }
  // A prefix term has two code points or more, so two code units or more: a short one is merged.
  if (postings.prefixes && word.length <= SHORT_PREFIX) {
    const list = postings.prefixes.get(word)
    if (list) out.push(list)
    return
  }
  const { keys } = postings
  let low = 0
  let high = keys.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (keys[mid]! < word) low = mid + 1
    else high = mid
  }
  for (let i = low; i < keys.length && keys[i]!.startsWith(word); i++) out.push(postings.lists[i]!)
}

const lexemeMatches = (lexemes: string[], term: WordTerm): boolean =>
  lexemes.some((lexeme) => (term.prefix ? lexeme.startsWith(term.word) : lexeme === term.word) || term.variants.includes(lexeme))

/** Popularity order for ties: favorites, then views (both descending, nulls last), then the id. */
const byPopularity = (a: IndexedRow, b: IndexedRow): number => {
  if (a.favorites_count !== b.favorites_count) {
    if (a.favorites_count === null) return 1
    if (b.favorites_count === null) return -1
    return b.favorites_count - a.favorites_count
  }
  if (a.view_count !== b.view_count) {
    if (a.view_count === null) return 1
    if (b.view_count === null) return -1
    return b.view_count - a.view_count
  }
  return a.id - b.id
}

/** The first `count` of `rows` in popularity order, without sorting them all (no objects per row). */
const mostPopular = (rows: IndexedRow[], count: number): IndexedRow[] => {
  const top: IndexedRow[] = []
  for (const row of rows) {
    if (top.length === count && byPopularity(row, top[count - 1]!) >= 0) continue
    let low = 0
    let high = top.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (byPopularity(top[mid]!, row) <= 0) low = mid + 1
      else high = mid
    }
    top.splice(low, 0, row)
    if (top.length > count) top.pop()
  }
  return top
}

/** A count as the slot arrays hold it: null as -Infinity, so "descending, nulls last" is plain descending. */
const countKey = (count: number | null): number => (count === null ? -Infinity : count)

/** A row's place in popularity order: favorites, views (countKey, descending), then id. */
type Popularity = { favorites: number; views: number; id: number }
/** A similar-tier row as its order reads it: similarity, then popularity. */
type Ranked = Popularity & { similarity: number }

/** Whether `a` comes before `b` in a large similar tier (byRelevance with the same tier and rank = similarity). */
const ranksBefore = (a: Ranked, b: Ranked): boolean => {
  if (a.similarity !== b.similarity) return a.similarity > b.similarity
  if (a.favorites !== b.favorites) return a.favorites > b.favorites
  if (a.views !== b.views) return a.views > b.views
  return a.id < b.id
}

/** The relevance order: tier, rank (descending), popularity, id. */
export const byRelevance = (a: Hit, b: Hit): number => a.tier - b.tier || b.rank - a.rank || byPopularity(a.row, b.row)

export class TitleIndex {
  private readonly rows: IndexedRow[]
  /**
   * Each slot's popularity (countKey of favorites and views) and id, kept beside the rows so that
   * a generic tier (thousands of matches) is ordered reading typed arrays, not thousands of objects.
   */
  private readonly favorites: Float64Array
  private readonly views: Float64Array
  private readonly ids: Int32Array
  private readonly dead: Uint8Array
  private readonly slotOf = new Map<number, number>()
  /** Rows whose text changed (or that are new) since the postings were built, by id. */
  private readonly overlay = new Map<number, IndexedRow>()
  private readonly titleWords: Postings
  private readonly otherWords: Postings
  private readonly table: TrigramTable
  /** Trigram id -> the slots whose search_titles have it, ascending. */
  private readonly trigrams: Int32Array[]
  /** The trigram ids of every slot's search_titles, in order, packed: slot s at starts[s]..starts[s + 1]. */
  private readonly sequences: Int32Array
  private readonly starts: Int32Array
  /**
   * Where each of a built slot's four lower_titles lies in its trigram sequence (`TITLES` per
   * slot: the offset from the slot's start and the length; NO_RANGE when the title is null or not
   * found as a stretch of it), so that similarity to a title reads ids instead of re-parsing it.
   */
  private readonly titleFrom: Uint16Array
  private readonly titleLength: Uint16Array
  /** Overlay rows' trigram ids, computed on first use. */
  private readonly overlaySequences = new WeakMap<IndexedRow, Int32Array>()
  private readonly stamp: Int32Array
  /** Shared trigram counts of the similar tier (queries run one at a time; zeroed after each). */
  private readonly counts: Uint16Array
  /** The similar tier's candidate slots (reused: a query's tens of thousands are not garbage each time). */
  private touched = new Int32Array(4096)
  /** matchWords' candidate slots (reused, as `touched`). */
  private matched = new Int32Array(4096)
  private epoch = 0

  private constructor(
    rows: IndexedRow[],
    titleWords: Postings,
    otherWords: Postings,
    trigrams: {
      table: TrigramTable
      postings: Int32Array[]
      sequences: Int32Array
      starts: Int32Array
      titleFrom: Uint16Array
      titleLength: Uint16Array
    },
  ) {
    this.rows = rows
    this.favorites = Float64Array.from(rows, (row) => countKey(row.favorites_count))
    this.views = Float64Array.from(rows, (row) => countKey(row.view_count))
    this.ids = Int32Array.from(rows, (row) => row.id)
    this.dead = new Uint8Array(rows.length)
    this.stamp = new Int32Array(rows.length)
    this.counts = new Uint16Array(rows.length)
    rows.forEach((row, slot) => this.slotOf.set(row.id, slot))
    this.titleWords = titleWords
    this.otherWords = otherWords
    this.table = trigrams.table
    this.trigrams = trigrams.postings
    this.sequences = trigrams.sequences
    this.starts = trigrams.starts
    this.titleFrom = trigrams.titleFrom
    this.titleLength = trigrams.titleLength
  }

  /** Builds the postings, yielding to the event loop every `chunk` rows (requests keep flowing). */
  static async build(rows: IndexedRow[], chunk = 2_000): Promise<TitleIndex> {
    const titleLists = new Map<string, number[]>()
    const titlePrefixLists = new Map<string, number[]>()
    const otherLists = new Map<string, number[]>()
    const table = new TrigramTable()
    const trigramLists: number[][] = []
    /** The last slot (+1) listed under each trigram id: a row's repeats are listed once. */
    const listed: number[] = []
    const starts = new Int32Array(rows.length + 1)
    let sequences = new Int32Array(rows.length * 64)
    const titleFrom = new Uint16Array(rows.length * TITLES).fill(NO_RANGE)
    const titleLength = new Uint16Array(rows.length * TITLES)
    for (let slot = 0; slot < rows.length; slot++) {
      const row = rows[slot]!
      for (const lexeme of row.title_lexemes) {
        push(titleLists, lexeme, slot)
        pushPrefixes(titlePrefixLists, lexeme, slot)
      }
      for (const lexeme of row.other_lexemes) push(otherLists, lexeme, slot)
      const sequence = table.sequence(row.search_titles)
      const start = starts[slot]!
      if (start + sequence.length > sequences.length) {
        const larger = new Int32Array(Math.max(sequences.length * 2, start + sequence.length))
        larger.set(sequences)
        sequences = larger
      }
      sequences.set(sequence, start)
      starts[slot + 1] = start + sequence.length
      row.lower_titles.forEach((title, i) => {
        if (i >= TITLES || title === null) return
        const own = table.sequence(title)
        const at = stretchOf(sequence, own)
        if (at < 0 || at > MAX_RANGE || own.length > MAX_RANGE) return
        titleFrom[slot * TITLES + i] = at
        titleLength[slot * TITLES + i] = own.length
      })
      for (const id of sequence) {
        if (listed[id] === slot + 1) continue
        listed[id] = slot + 1
        ;(trigramLists[id] ??= []).push(slot)
      }
      if (slot % chunk === chunk - 1) await new Promise((resolve) => setImmediate(resolve))
    }
    const postings = Array.from(trigramLists, (slots) => Int32Array.from(slots ?? []))
    return new TitleIndex(rows, buildPostings(titleLists, titlePrefixLists), buildPostings(otherLists), {
      table,
      postings,
      sequences: sequences.slice(0, starts[rows.length]),
      starts,
      titleFrom,
      titleLength,
    })
  }

  get size(): number {
    return this.slotOf.size - this.deadCount + this.overlay.size
  }
  private deadCount = 0

  /** How many rows changed text since the build (a rebuild is due when this grows large). */
  get overlaySize(): number {
    return this.overlay.size
  }

  /** Puts the current version of a published row in; its numbers in place when its text is the same. */
  upsert(row: IndexedRow, sameText: (a: IndexedRow, b: IndexedRow) => boolean): void {
    const overlaid = this.overlay.get(row.id)
    if (overlaid) {
      this.overlay.set(row.id, row)
      return
    }
    const slot = this.slotOf.get(row.id)
    if (slot !== undefined && !this.dead[slot] && sameText(this.rows[slot]!, row)) {
      this.rows[slot] = row
      this.favorites[slot] = countKey(row.favorites_count)
      this.views[slot] = countKey(row.view_count)
      return
    }
    this.killSlot(row.id)
    this.overlay.set(row.id, row)
  }

  /** Takes a row out (deleted, unpublished, or no longer there). */
  remove(id: number): void {
    this.overlay.delete(id)
    this.killSlot(id)
  }

  private killSlot(id: number) {
    const slot = this.slotOf.get(id)
    if (slot !== undefined && !this.dead[slot]) {
      this.dead[slot] = 1
      this.deadCount++
    }
  }

  private nextEpoch(): number {
    if (this.epoch >= 0x7ffffff0) {
      this.stamp.fill(0)
      this.epoch = 0
    }
    return ++this.epoch
  }

  /** Room for `size` slots in the reused candidate array of matchWords. */
  private matchedOfSize(size: number): Int32Array {
    if (this.matched.length < size) this.matched = new Int32Array(Math.max(size, this.matched.length * 2))
    return this.matched
  }

  /**
   * Rows having every word (each as itself, as a prefix when `prefix`, or as one of its variants)
   * among their title lexemes, or among all lexemes with `anyWeight`; live and passing `keep` (all
   * when absent): built slots, ascending, and changed rows from the overlay. The slots are a view
   * of a posting list or of a reused array, valid until the next call: read them, never keep them.
   */
  private matchWords(
    terms: WordTerm[],
    anyWeight: boolean,
    keep?: (row: IndexedRow) => boolean,
  ): { slots: Int32Array; changed: IndexedRow[] } {
    const perWord = terms.map((term) => {
      const lists: Int32Array[] = []
      for (const postings of anyWeight ? [this.titleWords, this.otherWords] : [this.titleWords]) {
        listsOf(postings, term.word, term.prefix, lists)
        for (const variant of term.variants) listsOf(postings, variant, false, lists)
      }
      return { term, lists, size: lists.reduce((sum, list) => sum + list.length, 0) }
    })
    perWord.sort((a, b) => a.size - b.size)
    // The rarest term's rows, ascending: its one list as it is (nothing to take out), or its lists merged.
    const firstLists = perWord[0]?.lists ?? []
    let candidates: Int32Array
    let size = 0
    if (firstLists.length === 1 && perWord.length === 1 && !keep && this.deadCount === 0) {
      candidates = firstLists[0]!
      size = candidates.length
    } else {
      candidates = this.matchedOfSize(perWord[0]?.size ?? 0)
      if (firstLists.length === 1) {
        for (const slot of firstLists[0]!) if (!this.dead[slot]) candidates[size++] = slot
      } else {
        const first = this.nextEpoch()
        for (const list of firstLists) {
          for (const slot of list) {
            if (this.stamp[slot] !== first && !this.dead[slot]) {
              this.stamp[slot] = first
              candidates[size++] = slot
            }
          }
        }
        candidates.subarray(0, size).sort()
      }
      for (const { lists, size: listed } of perWord.slice(1)) {
        if (size === 0) break
        const epoch = this.nextEpoch()
        // Few candidates against long lists (a common word, a short prefix): looked up in the lists
        // (galloping); else the lists are walked.
        if (size * 16 < listed) for (const list of lists) markShared(candidates, size, list, this.stamp, epoch)
        else for (const list of lists) for (const slot of list) this.stamp[slot] = epoch
        let kept = 0
        for (let k = 0; k < size; k++) if (this.stamp[candidates[k]!] === epoch) candidates[kept++] = candidates[k]!
        size = kept
      }
      if (keep) {
        let kept = 0
        for (let k = 0; k < size; k++) if (keep(this.rows[candidates[k]!]!)) candidates[kept++] = candidates[k]!
        size = kept
      }
    }
    const changed: IndexedRow[] = []
    for (const row of this.overlay.values()) {
      if (keep && !keep(row)) continue
      const lexemes = anyWeight ? [...row.title_lexemes, ...row.other_lexemes] : row.title_lexemes
      if (terms.every((term) => lexemeMatches(lexemes, term))) changed.push(row)
    }
    return { slots: candidates.subarray(0, size), changed }
  }

  private rowsWithWords(terms: WordTerm[], anyWeight: boolean, keep?: (row: IndexedRow) => boolean): IndexedRow[] {
    const { slots, changed } = this.matchWords(terms, anyWeight, keep)
    const rows = Array.from(slots, (slot) => this.rows[slot]!)
    for (const row of changed) rows.push(row)
    return rows
  }

  /** Whether built `slot` comes after `other` in popularity order (favorites, views, then id). */
  private slotRanksAfter(slot: number, other: Popularity): boolean {
    const favorites = this.favorites[slot]!
    if (favorites !== other.favorites) return favorites < other.favorites
    const views = this.views[slot]!
    if (views !== other.views) return views < other.views
    return this.ids[slot]! > other.id
  }

  /** byPopularity for two built slots, from the typed arrays. */
  private bySlotPopularity(a: number, b: number): number {
    const favorites = this.favorites
    if (favorites[a] !== favorites[b]) return favorites[b]! > favorites[a]! ? 1 : -1
    const views = this.views
    if (views[a] !== views[b]) return views[b]! > views[a]! ? 1 : -1
    return this.ids[a]! - this.ids[b]!
  }

  /**
   * The first `count` of the matched rows in popularity order: the built slots' best from the typed
   * arrays (no object read until the end), then merged with the changed rows' (few, usually none).
   */
  private mostPopularOf({ slots, changed }: { slots: Int32Array; changed: IndexedRow[] }, count: number): IndexedRow[] {
    const top: number[] = []
    // The last of `top` once it is full: a slot is passed over on its popularity alone (most are).
    let last: Popularity | null = null
    for (const slot of slots) {
      if (last && this.slotRanksAfter(slot, last)) continue
      let low = 0
      let high = top.length
      while (low < high) {
        const mid = (low + high) >>> 1
        if (this.bySlotPopularity(top[mid]!, slot) <= 0) low = mid + 1
        else high = mid
      }
      top.splice(low, 0, slot)
      if (top.length > count) top.pop()
      if (top.length === count) {
        const kept = top[count - 1]!
        last = { favorites: this.favorites[kept]!, views: this.views[kept]!, id: this.ids[kept]! }
      }
    }
    const rows = top.map((slot) => this.rows[slot]!)
    return changed.length === 0 ? rows : mostPopular([...rows, ...changed], count)
  }

  /** The slot holding `row` as it is (built and unchanged since), or -1 (a changed or new row). */
  private builtSlot(row: IndexedRow): number {
    const slot = this.slotOf.get(row.id)
    return slot !== undefined && this.rows[slot] === row ? slot : -1
  }

  /** The trigram ids of a row's search_titles (packed for built slots; overlay rows on first use). */
  private sequenceOf(row: IndexedRow): Int32Array {
    const slot = this.builtSlot(row)
    // A changed row's slot still holds its old version: the overlay's is computed.
    if (slot >= 0) return this.sequences.subarray(this.starts[slot]!, this.starts[slot + 1]!)
    let sequence = this.overlaySequences.get(row)
    if (!sequence) {
      sequence = this.table.sequence(row.search_titles)
      this.overlaySequences.set(row, sequence)
    }
    return sequence
  }

  /** word_similarity(q, search_titles) of `row` (`slot`: builtSlot's), its trigrams read in place when built. */
  private wordSimilarityOf(row: IndexedRow, slot: number, querySize: number): number {
    return slot >= 0
      ? this.table.wordSimilarity(querySize, this.sequences, this.starts[slot]!, this.starts[slot + 1]!)
      : this.table.wordSimilarity(querySize, this.sequenceOf(row))
  }

  /**
   * The best similarity(q, title) of a row's four titles, null when all are null: for a built slot
   * read from its sequence where the title is a stretch of it, else from the title's text.
   */
  private bestTitleSimilarity(row: IndexedRow, slot: number, querySize: number): number | null {
    let best: number | null = null
    for (let i = 0; i < row.lower_titles.length; i++) {
      const title = row.lower_titles[i]
      if (title === null || title === undefined) continue
      const at = slot >= 0 && i < TITLES ? slot * TITLES + i : -1
      const from = at >= 0 ? this.titleFrom[at]! : NO_RANGE
      const similarity =
        from === NO_RANGE
          ? this.table.similarity(querySize, title)
          : this.table.rangeSimilarity(
              querySize,
              this.sequences,
              this.starts[slot]! + from,
              this.starts[slot]! + from + this.titleLength[at]!,
            )
      best = best === null ? similarity : Math.max(best, similarity)
    }
    return best
  }

  /**
   * Rows whose search_titles are within word_similarity of the (marked) query (`q <% search_titles`).
   * A row at the threshold shares at least `needed` (60 %) of the query's n trigrams (count /
   * (|q| + |t| - count) <= count / |q|), so it has one of the n - needed + 1 rarest: rows are
   * collected from those postings only, and the common trigrams' postings are looked up for them.
   * The counts are exact for every row that can reach `needed`.
   *
   * A row sharing c of the n trigrams has a word_similarity of at most c / n, so rows are computed
   * exactly by descending c. Once more than FINE_RANKING_MATCHES rows are similar (the tier is ranked
   * by similarity alone, then popularity) and the first `wanted` so far are known, a row whose bound
   * is below the last of them cannot reach them, nor can one whose bound equals it and that is less
   * popular (a tie goes to popularity): those are not computed, and the rest of the tier neither
   * once the bounds fall below. What is returned holds the first `wanted` of the tier, in whatever
   * order. More than MAX_SIMILAR_CANDIDATES rows computed, and the index gives up (null: the SQL
   * answers).
   */
  private similarRows(
    query: QueryTrigrams,
    keep: ((row: IndexedRow) => boolean) | undefined,
    wanted: number,
  ): { row: IndexedRow; similarity: number }[] | null {
    const needed = Math.max(1, Math.ceil(WORD_SIMILARITY_THRESHOLD * query.size - 1e-6))
    const lists = Array.from(query.ids, (id) => this.trigrams[id] ?? EMPTY).sort((a, b) => a.length - b.length)
    // Trigrams no row has are the rarest of all (empty lists, not in `ids`).
    const rare = Math.max(0, query.size - needed + 1 - (query.size - lists.length))
    const counts = this.counts
    let capacity = 0
    for (let i = 0; i < rare && i < lists.length; i++) capacity += lists[i]!.length
    if (this.touched.length < capacity) this.touched = new Int32Array(Math.max(capacity, this.touched.length * 2))
    let touched = this.touched
    let size = 0
    for (let i = 0; i < rare && i < lists.length; i++) {
      for (const slot of lists[i]!) {
        if (counts[slot]++ === 0) touched[size++] = slot
      }
    }
    // Ascending, so that each common list is merged with them in one pass: many are read off
    // the counts in slot order (one pass over the rows), few are sorted.
    if (size * 8 > counts.length) {
      size = 0
      for (let slot = 0; slot < counts.length; slot++) if (counts[slot]! > 0) touched[size++] = slot
    } else touched = touched.subarray(0, size).sort()
    for (let i = rare; i < lists.length && size > 0; i++) {
      countShared(touched, size, lists[i]!, counts)
      // Drop rows that can no longer reach `needed` with the lists left (in place, order kept).
      const left = lists.length - i - 1
      let kept = 0
      for (let k = 0; k < size; k++) {
        const slot = touched[k]!
        if (counts[slot]! + left >= needed) touched[kept++] = slot
        else counts[slot] = 0
      }
      size = kept
    }
    touched = touched.subarray(0, size)
    // The candidates by their count of shared trigrams, most first.
    const byCount: number[][] = []
    for (const slot of touched) {
      const count = counts[slot]!
      counts[slot] = 0
      if (count >= needed && !this.dead[slot]) (byCount[count] ??= []).push(slot)
    }
    const out: { row: IndexedRow; similarity: number }[] = []
    /** The first `wanted` rows so far in the tier's order (similarity alone ranks a large tier). */
    const best: Ranked[] = []
    let computed = 0
    /** A row, and its slot when built (its trigrams and popularity read in place), or -1 (a changed row). */
    const consider = (row: IndexedRow, slot: number) => {
      if (keep && !keep(row)) return
      computed++
      const built = slot >= 0
      const similarity = this.wordSimilarityOf(row, slot, query.size)
      if (similarity < WORD_SIMILARITY_THRESHOLD) return
      out.push({ row, similarity })
      const entry: Ranked = {
        similarity,
        favorites: built ? this.favorites[slot]! : countKey(row.favorites_count),
        views: built ? this.views[slot]! : countKey(row.view_count),
        id: row.id,
      }
      if (best.length === wanted && !ranksBefore(entry, best[wanted - 1]!)) return
      let at = best.length
      while (at > 0 && ranksBefore(entry, best[at - 1]!)) at--
      best.splice(at, 0, entry)
      if (best.length > wanted) best.pop()
    }
    // Changed rows have no counts: always computed.
    for (const row of this.overlay.values()) consider(row, -1)
    for (let count = byCount.length - 1; count >= needed; count--) {
      const slots = byCount[count]
      if (!slots) continue
      const bound = f4(count / query.size)
      for (const slot of slots) {
        // Once the tier is too large to be fine-ranked (similarity alone ranks it, as in the SQL)
        // and the first `wanted` are known: a row left (at most `bound`) cannot reach them when
        // the last of them is above `bound` (nor can any row after it), or at `bound` and more
        // popular than this row.
        if (out.length > FINE_RANKING_MATCHES && best.length === wanted) {
          const last = best[wanted - 1]!
          if (last.similarity > bound) return out
          if (last.similarity === bound && this.slotRanksAfter(slot, last)) continue
        }
        if (computed === MAX_SIMILAR_CANDIDATES) return null
        consider(this.rows[slot]!, slot)
      }
    }
    return out
  }

  /**
   * Tiers 0 to 2 of sql.ts's relevanceHits for normalised `q` and its `words`, every hit, except a
   * generic tier of `needed` or more: then its first `needed` (the SQL cuts it to the page it needs;
   * the order is the same). Null when the similar tier has too many candidates (the SQL answers).
   */
  titleHits(q: string, words: string[], keep: ((row: IndexedRow) => boolean) | undefined, needed: number): Hit[] | null {
    const query = this.table.query(q)
    this.table.mark(query)
    try {
      return this.tiers(q, query, words, keep, needed)
    } finally {
      this.table.unmark(query)
    }
  }

  private tiers(
    q: string,
    query: QueryTrigrams,
    words: string[],
    keep: ((row: IndexedRow) => boolean) | undefined,
    needed: number,
  ): Hit[] | null {
    /** word_similarity to the titles plus the closest title's similarity (`wordSimilarity` when known). */
    const closeness = (row: IndexedRow, wordSimilarity?: number) => {
      const slot = this.builtSlot(row)
      const best = this.bestTitleSimilarity(row, slot, query.size)
      const word = wordSimilarity ?? this.wordSimilarityOf(row, slot, query.size)
      return f4(word + (best ?? 0))
    }
    const wordTier = (tier: number, terms: WordTerm[]): Hit[] => {
      const matched = this.matchWords(terms, false, keep)
      const total = matched.slots.length + matched.changed.length
      if (total > GENERIC_WORD_MATCHES) {
        // All rank 0: popularity orders them; only the first `needed` can be answered.
        return this.mostPopularOf(matched, needed).map((row) => ({ row, tier, rank: 0 }))
      }
      const rows = Array.from(matched.slots, (slot) => this.rows[slot]!)
      for (const row of matched.changed) rows.push(row)
      const few = rows.length <= FINE_RANKING_MATCHES
      return rows.map((row) => {
        const checks =
          (row.lower_titles.some((title) => title === q) ? EXACT : 0) +
          (row.lower_titles.some((title) => title !== null && title.startsWith(q)) ? STARTS : 0) +
          (row.search_titles.includes(q) ? CONTAINS : 0)
        return { row, tier, rank: f4(checks + (few ? closeness(row) / 2 : 0)) }
      })
    }
    if (words.length > 0) {
      const last = words.length - 1
      const plain = words.map((word, index) => ({ word, prefix: index === last && [...word].length >= 2, variants: [] }))
      const tier0 = wordTier(0, plain)
      if (tier0.length > 0) return tier0
      const edited = plain.map((term) => ({ ...term, variants: editVariants(term.word).slice(1) }))
      if (edited.some((term) => term.variants.length > 0)) {
        const tier1 = wordTier(1, edited)
        if (tier1.length > 0) return tier1
      }
    }
    const similar = this.similarRows(query, keep, needed)
    if (similar === null) return null
    const few = similar.length <= FINE_RANKING_MATCHES
    return similar.map(({ row, similarity }) => ({ row, tier: 2, rank: f4(similarity + (few ? closeness(row, similarity) : 0)) }))
  }

  /** Rows having every word (the last as a prefix) in any part of the vector: tier 3's candidates. */
  synopsisCandidates(words: string[], keep: (row: IndexedRow) => boolean): IndexedRow[] {
    const last = words.length - 1
    return this.rowsWithWords(
      words.map((word, index) => ({ word, prefix: index === last && [...word].length >= 2, variants: [] })),
      true,
      keep,
    )
  }
}
