import pg, { type Pool } from 'pg'

import type { SearchParams, SuggestParams } from '../params'
import { suggestWords, tsqueryText } from '../sql'
import { currentHeap, type HeapState, indexFitsInHeap, PEAK_BYTES_PER_TITLE } from './heapBudget'
import { indexedRowsSql, sameText, type IndexedRow } from './indexedRow'
import { TitleIndex, type Hit } from './titleIndex'
import { topHits } from './topHits'

/** The channel the anime trigger notifies (migration 20261202_210000_anime_search_notify). */
export const ANIME_SEARCH_CHANNEL = 'anime_search_changed'
/** More changed rows than this since the build: rebuild the postings (the overlay is scanned per query). */
const MAX_OVERLAY = 2_000
/** More tier-3 candidates than this: leave the search to the SQL (ts_rank on each is PostgreSQL's work). */
const MAX_SYNOPSIS_CANDIDATES = 2_000
const RECONNECT_MS = 1_000
/** Rows per statement of a full load. */
const LOAD_CHUNK = 5_000
/** The listening connection's name in pg_stat_activity. */
export const LISTENER_NAME = 'anime-search-index'
const megabytes = (bytes: number) => Math.round(bytes / 1048576)

type Logger = { info: (details: object, message: string) => void; warn: (details: object, message: string) => void }
type RawRow = Omit<IndexedRow, 'search_titles'> & { search_titles: string }

/**
 * The in-process anime search index of one instance, kept exact:
 * - built in the background from PostgreSQL (published rows only, as the SQL's `_status` filter);
 *   until it is ready, and whenever it may have missed a change, `ready` is false and the fast path
 *   answers with the SQL as before;
 * - a change committed by this instance (Payload's anime hooks, after commit) is applied before the
 *   write's response goes out (refreshAfterCommit.ts awaits `refresh`): the next search sees it;
 * - every other change (another instance, view and favorite counters, SQL imports, migrations)
 *   reaches every instance through PostgreSQL LISTEN/NOTIFY: a statement trigger on `anime` sends
 *   the changed ids at commit (or `*` for big statements: then a full reload). NOTIFY over polling:
 *   it is delivered within milliseconds of the commit, costs nothing while nothing changes, and
 *   PostgreSQL delivers every notification to a listening session in commit order. A listening
 *   connection that drops may have missed some: the index stops answering, reconnects and reloads.
 * Refreshes and reloads run one at a time, in order, so an older read never overwrites a newer one.
 */
export class AnimeSearchIndex {
  private index: TitleIndex | null = null
  private listening = false
  /** Reloads queued or running: the index does not answer while any is outstanding. */
  private reloads = 0
  /** A reload queued and not started yet: a newer request is covered by it (its read starts later). */
  private queuedReload: Promise<void> | null = null
  private stopped = false
  private listener: pg.Client | null = null
  private lane: Promise<void> = Promise.resolve()
  private pending = new Set<number>()
  private batch: Promise<void> | null = null

  constructor(
    private readonly pool: Pool,
    private readonly connectionString: string,
    private readonly logger: Logger,
    /** The process's heap now (tests pretend a small one). */
    private readonly heap: () => HeapState = currentHeap,
  ) {}

  /** True when answers from memory are exact: built, listening, no reload under way. */
  get ready(): boolean {
    return this.index !== null && this.listening && this.reloads === 0
  }

  get rows(): number {
    return this.index?.size ?? 0
  }

  /** Starts listening, then loads (in the background: the caller does not wait for it). */
  start(): Promise<void> {
    return this.listen()
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.listening = false
    const listener = this.listener
    this.listener = null
    await listener?.end().catch(() => {})
    await this.lane.catch(() => {})
  }

  private async listen(): Promise<void> {
    if (this.stopped) return
    const client = new pg.Client({ connectionString: this.connectionString, application_name: LISTENER_NAME })
    const lost = (error?: Error) => {
      if (this.listener !== client) return
      this.listener = null
      this.listening = false
      if (this.stopped) return
      this.logger.warn({ reason: error?.message }, 'search index lost its notifications; answering from SQL until reloaded')
      client.end().catch(() => {})
      setTimeout(() => void this.listen(), RECONNECT_MS).unref()
    }
    client.on('error', lost)
    client.on('end', () => lost())
    client.on('notification', (message) => {
      if (message.channel !== ANIME_SEARCH_CHANNEL) return
      if (message.payload === '*') return void this.reload()
      const ids = (message.payload ?? '').split(',').map(Number).filter(Number.isInteger)
      void this.refresh(ids).catch(() => {})
    })
    try {
      await client.connect()
      await client.query(`LISTEN ${ANIME_SEARCH_CHANNEL}`)
    } catch (error) {
      this.listener = client
      lost(error as Error)
      return
    }
    this.listener = client
    this.listening = true
    // Listening first: a change committed after the load's snapshot is notified, none is missed.
    void this.reload()
  }

  /** A full reload in the lane; the index does not answer until it and the changes since are in. */
  reload(): Promise<void> {
    if (this.queuedReload) return this.queuedReload
    this.reloads++
    const task = this.lane.then(async () => {
      this.queuedReload = null
      if (this.stopped) return
      const started = performance.now()
      const before = process.memoryUsage()
      try {
        if (!(await this.fitsInHeap())) return
        const rows = await this.readAll()
        const index = await TitleIndex.build(rows)
        this.index = index
        // Changes notified during the load, applied before answering again.
        while (this.pending.size > 0) await this.applyPending()
        const after = process.memoryUsage()
        // Indicative: the difference includes garbage not yet collected, and the old index if any.
        this.logger.info(
          {
            rows: rows.length,
            ms: Math.round(performance.now() - started),
            heapUsedMb: megabytes(after.heapUsed),
            heapGrowthMb: megabytes(after.heapUsed - before.heapUsed),
            rssMb: megabytes(after.rss),
            rssGrowthMb: megabytes(after.rss - before.rss),
          },
          'search index built',
        )
      } catch (error) {
        this.index = null
        this.logger.warn({ reason: (error as Error).message }, 'search index load failed; retrying')
        setTimeout(() => void this.reload(), RECONNECT_MS).unref()
      } finally {
        this.reloads--
      }
    })
    this.queuedReload = task
    this.lane = task.catch(() => {})
    return task
  }

  /**
   * Whether the published titles' index fits in what the heap has left (heapBudget.ts). When it
   * does not, the index is dropped (an older one would be stale) and the SQL answers every search
   * until a restart with a larger heap: a warning, where the build would have killed the process.
   */
  private async fitsInHeap(): Promise<boolean> {
    const { rows } = await this.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM anime WHERE _status = 'published'`)
    const titles = rows[0]?.n ?? 0
    const heap = this.heap()
    if (indexFitsInHeap(titles, heap)) return true
    this.index = null
    this.pending.clear()
    this.logger.warn(
      {
        titles,
        neededMb: megabytes(titles * PEAK_BYTES_PER_TITLE),
        heapLeftMb: megabytes(heap.limitBytes - heap.usedBytes),
        heapLimitMb: megabytes(heap.limitBytes),
      },
      'search index not built: it would not fit in the heap (raise --max-old-space-size in NODE_OPTIONS); searches are answered from SQL',
    )
    return false
  }

  /**
   * Every published row, in chunks by id: each statement stays short (under the pool's statement
   * timeout, even on a loaded machine). The chunks are separate snapshots: a change between them
   * is notified (the listener started first) and applied after the build.
   */
  private async readAll(): Promise<IndexedRow[]> {
    const rows: IndexedRow[] = []
    for (let after = 0; ;) {
      const { rows: chunk } = await this.pool.query<RawRow>(`${indexedRowsSql('a.id > $1')} ORDER BY a.id LIMIT ${LOAD_CHUNK}`, [after])
      rows.push(...chunk)
      if (chunk.length < LOAD_CHUNK) return rows
      after = chunk.at(-1)!.id
    }
  }

  private async applyPending(): Promise<void> {
    const ids = [...this.pending]
    this.pending.clear()
    const { rows } = await this.pool.query<RawRow>(indexedRowsSql('a.id = ANY($1::int[])'), [ids])
    const index = this.index
    if (!index) return
    const found = new Set<number>()
    for (const row of rows) {
      found.add(row.id)
      index.upsert(row, sameText)
    }
    for (const id of ids) if (!found.has(id)) index.remove(id)
    if (index.overlaySize > MAX_OVERLAY) void this.reload()
  }

  /**
   * Reads `ids` again and applies them; resolves once a read started after this call is applied.
   * While the index does not answer (loading), the ids wait for the reload's end, which applies
   * them before answering: nothing to wait for.
   */
  refresh(ids: number[]): Promise<void> {
    for (const id of ids) this.pending.add(id)
    if (this.reloads > 0) return Promise.resolve()
    if (!this.batch) {
      const batch = this.lane.then(async () => {
        this.batch = null
        if (this.pending.size > 0 && this.index) await this.applyPending()
        // No index (it did not fit): nothing to apply the changes to.
        else if (!this.index) this.pending.clear()
      })
      this.batch = batch
      this.lane = batch.catch(() => {})
    }
    return this.batch
  }

  /**
   * Relevance search from memory: the rows of sql.ts's relevanceSql (one more than `limit`), or null
   * when the SQL must answer (not ready, another sort, a genre filter, too many synopsis matches or
   * similar-tier candidates).
   */
  async search(params: SearchParams): Promise<IndexedRow[] | null> {
    const index = this.index
    if (!this.ready || !index || params.q === null || params.sort !== 'relevance' || params.genre !== null) return null
    const { kind, status, year } = params
    const keep = (row: IndexedRow) =>
      (kind === null || row.kind === kind) && (status === null || row.status === status) && (year === null || row.year === year)
    const offset = (params.page - 1) * params.limit
    const needed = offset + params.limit + 1
    const hits: Hit[] | null = index.titleHits(params.q, params.words, keep, needed)
    if (hits === null) return null
    if (params.words.length > 0 && hits.length < needed) {
      // Tier 3: the synopsis. Which rows match is known here; ts_rank is PostgreSQL's, asked for
      // those rows only (by primary key), and only when some exist (never with no synopses).
      const inTitles = new Set(hits.map((hit) => hit.row.id))
      const candidates = index.synopsisCandidates(params.words, keep).filter((row) => !inTitles.has(row.id))
      if (candidates.length > MAX_SYNOPSIS_CANDIDATES) return null
      if (candidates.length > 0) {
        const byId = new Map(candidates.map((row) => [row.id, row]))
        const { rows } = await this.pool.query<{ id: number; rank: number }>(
          `SELECT id, ts_rank(search_vector, to_tsquery('simple', $1)) AS rank FROM anime WHERE id = ANY($2::int[]) AND _status = 'published'`,
          [tsqueryText(params.words), [...byId.keys()]],
        )
        const synopsis = rows.flatMap(({ id, rank }) => {
          const row = byId.get(id)
          return row ? [{ row, tier: 3, rank: Math.fround(Number(rank)) }] : []
        })
        hits.push(...topHits(synopsis, needed))
      }
    }
    return topHits(hits, needed)
      .slice(offset)
      .map((hit) => hit.row)
  }

  /** Autocomplete from memory (sql.ts's suggestSql), or null when the SQL must answer (as search). */
  suggest(params: SuggestParams & { q: string }): { id: number; slug: string | null; title: string }[] | null {
    const index = this.index
    if (!this.ready || !index) return null
    const hits = index.titleHits(params.q, suggestWords(params.words), undefined, params.limit)
    if (hits === null) return null
    return topHits(hits, params.limit).map(({ row }) => ({
      id: row.id,
      slug: row.slug,
      title: row.title,
    }))
  }
}

const REGISTRY = Symbol.for('cms.animeSearchIndex')
type Registry = { [REGISTRY]?: AnimeSearchIndex }

/**
 * The instance's index, for the anime hooks: Payload's config and the server are bundled apart, so
 * a module variable would not be shared; the process's global object is.
 */
export const registerAnimeSearchIndex = (index: AnimeSearchIndex | undefined): void => {
  ;(globalThis as Registry)[REGISTRY] = index
}

export const registeredAnimeSearchIndex = (): AnimeSearchIndex | undefined => (globalThis as Registry)[REGISTRY]
