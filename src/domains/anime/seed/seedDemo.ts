import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

import { ROLES, type Role } from '../../../platform/auth/roles'
import { plainTextToLexical } from '../import/richText'
import { slugify } from '../slugify'
import { DEMO_ANIME, DEMO_GENRES, DEMO_STUDIOS } from './catalog'
import { renderPoster } from './poster'

/** The database is not empty: the seed refuses rather than mixing demo data into real data. */
export class SeedRefusedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SeedRefusedError'
  }
}

export type DemoAccount = { role: Role; email: string; password: string }
export type SeedResult = { anime: number; genres: number; studios: number; posters: number; accounts: DemoAccount[] }

export const DEMO_EMAIL_DOMAIN = 'kitsu.local'

/** 18 random bytes, base64url: 24 characters, well past the 8-character minimum. */
const randomPassword = () => randomBytes(18).toString('base64url')

/**
 * Fills an EMPTY database (no users, no anime) with the demo catalog: genres, studios, 40 published
 * anime with generated posters, and one account per role with a random password (returned, never
 * stored anywhere else). All rows are written in one transaction; if anything fails, it is rolled
 * back and the poster files already written are removed, so the seed can simply be run again.
 */
export const seedDemo = async (payload: Payload, { onProgress }: { onProgress?: (done: number, total: number) => void } = {}): Promise<SeedResult> => {
  const [users, anime] = await Promise.all([
    payload.count({ collection: 'users', overrideAccess: true }),
    payload.count({ collection: 'anime', overrideAccess: true }),
  ])
  if (users.totalDocs > 0 || anime.totalDocs > 0) {
    throw new SeedRefusedError(
      `the database is not empty (${users.totalDocs} user(s), ${anime.totalDocs} anime): the demo seed only fills an empty database; nothing was changed`,
    )
  }

  const req = await createLocalReq({ context: { skipFirstUserAdmin: true } }, payload)
  await initTransaction(req)
  const writtenFiles: string[] = []
  const staticDir = payload.collections.media?.config.upload?.staticDir
  try {
    const genreIds = new Map<string, number | string>()
    for (const genre of DEMO_GENRES) {
      const doc = await payload.create({ collection: 'genres', data: genre, overrideAccess: true, depth: 0, req })
      genreIds.set(genre.name, doc.id)
    }
    const studioIds = new Map<string, number | string>()
    for (const studio of DEMO_STUDIOS) {
      const doc = await payload.create({ collection: 'studios', data: studio, overrideAccess: true, depth: 0, req })
      studioIds.set(studio.name, doc.id)
    }

    const lookup = (ids: Map<string, number | string>, names: string[], what: string) =>
      names.map((name) => {
        const id = ids.get(name)
        if (id === undefined) throw new Error(`demo catalog: unknown ${what} "${name}"`)
        return id
      })

    let done = 0
    for (const item of DEMO_ANIME) {
      const image = await renderPoster(item.title)
      const poster = await payload.create({
        collection: 'media',
        data: { alt: `Poster of ${item.titleEnglish ?? item.title} (demo artwork)` },
        file: { data: image, mimetype: 'image/webp', name: `${slugify(item.title)}-poster.webp`, size: image.length },
        overrideAccess: true,
        depth: 0,
        req,
      })
      for (const name of [poster.filename, ...Object.values(poster.sizes ?? {}).map((size) => size?.filename)]) {
        if (name) writtenFiles.push(name)
      }
      await payload.create({
        collection: 'anime',
        data: {
          title: item.title,
          titleEnglish: item.titleEnglish,
          titleJapanese: item.titleJapanese,
          altTitles: item.altTitles?.map((title) => ({ title })),
          synopsis: plainTextToLexical(item.synopsis) as never,
          kind: item.kind,
          status: item.status,
          ageRating: item.ageRating,
          episodes: item.episodes,
          episodeMinutes: item.episodeMinutes,
          season: item.season,
          year: item.year,
          score: item.score,
          genres: lookup(genreIds, item.genres, 'genre') as number[],
          studios: lookup(studioIds, item.studios, 'studio') as number[],
          poster: poster.id,
          _status: 'published',
        },
        draft: false,
        overrideAccess: true,
        depth: 0,
        req,
      })
      done += 1
      onProgress?.(done, DEMO_ANIME.length)
    }

    const accounts: DemoAccount[] = []
    for (const role of ROLES) {
      const account = { role, email: `${role}@${DEMO_EMAIL_DOMAIN}`, password: randomPassword() }
      await payload.create({
        collection: 'users',
        data: { email: account.email, password: account.password, name: `Demo ${role}`, roles: [role] },
        overrideAccess: true,
        depth: 0,
        req,
      })
      accounts.push(account)
    }

    await commitTransaction(req)
    return { anime: DEMO_ANIME.length, genres: DEMO_GENRES.length, studios: DEMO_STUDIOS.length, posters: DEMO_ANIME.length, accounts }
  } catch (error) {
    await killTransaction(req).catch(() => undefined)
    if (staticDir) {
      await Promise.all(writtenFiles.map((name) => fs.rm(path.join(staticDir, name), { force: true }).catch(() => undefined)))
    }
    throw error
  }
}
