import type { Payload, Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

/**
 * The memo of drizzle's built queries (src/platform/database/withBuiltQueryMemo.ts, LEAN_READS on
 * by default): every find must answer exactly what the same find built afresh answers (inside a
 * transaction, whose queries are never memoized), whatever other finds ran before it, and a
 * write must be visible to the next find at once.
 */
let ctx: PayloadInt
let payload: Payload
let editor: Awaited<ReturnType<Payload['create']>>
let genreIds: { action: number; drama: number }
let builds = 0

type FindArgs = Parameters<Payload['find']>[0]

const staff = (args: Omit<FindArgs, 'collection'>): FindArgs =>
  ({ collection: 'anime', depth: 1, overrideAccess: false, user: editor, ...args }) as FindArgs
const anonymous = (args: Omit<FindArgs, 'collection'>): FindArgs =>
  ({ collection: 'anime', depth: 1, overrideAccess: false, ...args }) as FindArgs

/** Finds that differ in one thing each: reusing another's SQL would answer another's documents. */
const variants = (): Record<string, FindArgs> => ({
  staffTop3: staff({ sort: '-score', limit: 3 }),
  staffTop3Page2: staff({ sort: '-score', limit: 3, page: 2 }),
  staffBottom3: staff({ sort: 'score', limit: 3 }),
  staffTop2: staff({ sort: '-score', limit: 2 }),
  staffMovies: staff({ sort: '-score', limit: 3, where: { kind: { equals: 'movie' } } }),
  staffTv: staff({ sort: '-score', limit: 3, where: { kind: { equals: 'tv' } } }),
  staffTitlesOnly: staff({ sort: '-score', limit: 3, select: { title: true } }),
  staffDepth0: staff({ sort: '-score', limit: 3, depth: 0 }),
  staffDrafts: staff({ sort: '-score', limit: 3, draft: true }),
  staffActionGenre: staff({ sort: '-score', limit: 10, where: { 'genres.name': { equals: 'Memo Action' } } as Where }),
  staffDramaGenre: staff({ sort: '-score', limit: 10, where: { 'genres.name': { equals: 'Memo Drama' } } as Where }),
  staffEnglish: staff({ sort: '-score', limit: 3, locale: 'en', select: { title: true, genres: true } }),
  anonymousTop3: anonymous({ sort: '-score', limit: 3 }),
  genresById: { collection: 'genres', depth: 0, where: { id: { in: [genreIds.action] } } },
})

/** The same find built afresh: inside a transaction, whose queries go through its own builder. */
const freshlyBuilt = async (args: FindArgs) => {
  const req = { transactionID: await payload.db.beginTransaction() } as FindArgs['req']
  try {
    return await payload.find({ ...args, req })
  } finally {
    await payload.db.commitTransaction(req!.transactionID!)
  }
}

const titles = (result: { docs: unknown[] }): unknown[] => result.docs.map((doc) => (doc as { title?: unknown }).title)

const expectEveryVariantExact = async (order: string[]) => {
  const all = variants()
  for (const name of order) {
    const expected = await freshlyBuilt(all[name]!)
    expect(await payload.find(all[name]!), name).toEqual(expected)
  }
}

beforeAll(async () => {
  ctx = await initPayloadInt('built-query-memo')
  payload = ctx.payload
  // The first account of a database becomes admin: make it one not under test.
  await payload.create({ collection: 'users', data: { email: 'root@example.com', password: 'memo-password' } })
  editor = await payload.create({
    collection: 'users',
    data: { email: 'editor@example.com', password: 'memo-password', roles: ['editor'] },
  })
  const action = await payload.create({ collection: 'genres', data: { name: 'Memo Action' } })
  const drama = await payload.create({ collection: 'genres', data: { name: 'Memo Drama' } })
  genreIds = { action: Number(action.id), drama: Number(drama.id) }
  const rows = [
    { title: 'Memo One', kind: 'tv', score: 9.1, _status: 'published', genres: [genreIds.action] },
    { title: 'Memo Two', kind: 'movie', score: 8.2, _status: 'published', genres: [genreIds.drama] },
    { title: 'Memo Three', kind: 'tv', score: 7.3, _status: 'draft', genres: [genreIds.action, genreIds.drama] },
    { title: 'Memo Four', kind: 'movie', score: 6.4, _status: 'published', genres: [genreIds.action] },
    { title: 'Memo Five', kind: 'tv', score: 5.5, _status: 'published', genres: [] },
    { title: 'Memo Six', kind: 'movie', score: 4.6, _status: 'draft', genres: [genreIds.drama] },
  ] as const
  for (const data of rows) await payload.create({ collection: 'anime', data: { ...data, genres: [...data.genres] } })
  // A newer draft of a published title: `draft: true` reads it, the others read the published one.
  const one = (await payload.find({ collection: 'anime', where: { title: { equals: 'Memo One' } } })).docs[0]!
  await payload.update({ collection: 'anime', id: one.id, draft: true, data: { title: 'Memo One, a draft' } })
  // Counts every relational query drizzle builds (the memo skips the build for a find it has seen).
  const dialect = (payload.db as unknown as { drizzle: { dialect: Record<string, (...args: unknown[]) => unknown> } }).drizzle.dialect
  const build = dialect.buildRelationalQueryWithoutPK!.bind(dialect)
  dialect.buildRelationalQueryWithoutPK = (...args: unknown[]) => {
    builds++
    return build(...args)
  }
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('the memo of built queries', () => {
  it('gives every different find its own query: each answers as built afresh, in any order', async () => {
    const all = variants()
    const names = Object.keys(all)
    // The variants answer pairwise differently, so a reused query of another would be seen.
    const answers = await Promise.all(names.map(async (name) => JSON.stringify((await freshlyBuilt(all[name]!)).docs)))
    const alike = names.filter((name, i) => answers.indexOf(answers[i]!) !== i)
    expect(alike).toEqual([])
    await expectEveryVariantExact(names)
    await expectEveryVariantExact([...names].reverse())
    await expectEveryVariantExact(names.filter((_, i) => i % 2 === 0).concat(names.filter((_, i) => i % 2 === 1)))
  })

  it('builds a find it has seen only once, and a different one anew', async () => {
    const args = staff({ sort: '-score', limit: 4 })
    await payload.find(args)
    const before = builds
    await payload.find(args)
    await payload.find(args)
    // Depth 1 populates genres through another find, itself memoized: no build at all.
    expect(builds - before).toBe(0)
    await payload.find(staff({ sort: '-score', limit: 5 }))
    expect(builds - before).toBeGreaterThan(0)
  })

  it('shows a write to the next find at once', async () => {
    const args = variants()
    await expectEveryVariantExact(['staffTop3', 'staffActionGenre', 'anonymousTop3'])
    const five = (await payload.find({ collection: 'anime', where: { title: { equals: 'Memo Five' } } })).docs[0]!
    // Memo Five moves to the top and into the action genre (the join's pre-query finds new ids).
    await payload.update({ collection: 'anime', id: five.id, data: { score: 9.9, genres: [genreIds.action] } })
    const top = await payload.find(args.staffTop3!)
    expect(titles(top)[0]).toBe('Memo Five')
    const action = await payload.find(args.staffActionGenre!)
    expect(titles(action)).toContain('Memo Five')
    expect(await payload.find(args.anonymousTop3!)).toEqual(await freshlyBuilt(args.anonymousTop3!))
    await payload.delete({ collection: 'anime', id: five.id })
    expect(titles(await payload.find(args.staffTop3!))).not.toContain('Memo Five')
    await expectEveryVariantExact(Object.keys(args))
  })
})
