import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

import { ROLES, type Role } from '@/platform/auth'
import { findIdBy, plainTextToLexical, type SeedCounts } from '@/platform/seed'
import { slugify } from '@/platform/fields/slug'
import { DEMO_ANIME, DEMO_GENRES, DEMO_STUDIOS } from './catalog'
import { renderPoster } from './poster'

export type DemoAccount = { role: Role; email: string; password: string }
export type SeedResult = {
  anime: SeedCounts
  genres: SeedCounts
  studios: SeedCounts
  posters: SeedCounts
  accounts: DemoAccount[]
  existingAccounts: number
}

export const DEMO_EMAIL_DOMAIN = 'kitsu.local'

/** 18 random bytes, base64url: 24 characters, well past the 8-character minimum. */
const randomPassword = () => randomBytes(18).toString('base64url')

/**
 * Fills the database with the demo catalog: genres, studios, 40 published anime with generated
 * posters, and one account per role with a random password (returned, never stored anywhere else).
 * Idempotent: genres, studios and anime are found by slug, posters by alt text, accounts by email;
 * what exists is left untouched, so a second run creates nothing and prints no password. All rows
 * are written in one transaction; if anything fails, it is rolled back and the poster files already
 * written are removed, so the seed can simply be run again.
 */
export const seedDemo = async (
  payload: Payload,
  { onProgress }: { onProgress?: (done: number, total: number) => void } = {},
): Promise<SeedResult> => {
  const req = await createLocalReq({ context: { skipFirstUserAdmin: true } }, payload)
  await initTransaction(req)
  const writtenFiles: string[] = []
  const staticDir = payload.collections.media?.config.upload?.staticDir
  const counts = () => ({ created: 0, existing: 0 })
  const result: SeedResult = { anime: counts(), genres: counts(), studios: counts(), posters: counts(), accounts: [], existingAccounts: 0 }
  try {
    const upsertTaxonomy = async (collection: 'genres' | 'studios', items: { name: string; description: string }[]) => {
      const ids = new Map<string, number | string>()
      for (const item of items) {
        let id = await findIdBy(payload, collection, 'slug', slugify(item.name), req)
        if (id === undefined) {
          id = (await payload.create({ collection, data: item, overrideAccess: true, depth: 0, req })).id
          result[collection].created += 1
        } else result[collection].existing += 1
        ids.set(item.name, id)
      }
      return ids
    }
    const genreIds = await upsertTaxonomy('genres', DEMO_GENRES)
    const studioIds = await upsertTaxonomy('studios', DEMO_STUDIOS)

    const lookup = (ids: Map<string, number | string>, names: string[], what: string) =>
      names.map((name) => {
        const id = ids.get(name)
        if (id === undefined) throw new Error(`demo catalog: unknown ${what} "${name}"`)
        return id
      })

    let done = 0
    for (const item of DEMO_ANIME) {
      if ((await findIdBy(payload, 'anime', 'slug', slugify(item.title), req)) !== undefined) {
        result.anime.existing += 1
        done += 1
        onProgress?.(done, DEMO_ANIME.length)
        continue
      }
      const posterName = `${slugify(item.title)}-poster.webp`
      const alt = `Poster of ${item.titleEnglish ?? item.title} (demo artwork)`
      // By alt, not filename: local storage renames a file whose name is taken on disk (x-1.webp).
      let posterId = await findIdBy(payload, 'media', 'alt', alt, req)
      if (posterId === undefined) {
        const image = await renderPoster(item.title)
        const poster = await payload.create({
          collection: 'media',
          data: { alt },
          file: { data: image, mimetype: 'image/webp', name: posterName, size: image.length },
          overrideAccess: true,
          depth: 0,
          req,
        })
        for (const name of [poster.filename, ...Object.values(poster.sizes ?? {}).map((size) => size?.filename)]) {
          if (name) writtenFiles.push(name)
        }
        posterId = poster.id
        result.posters.created += 1
      } else result.posters.existing += 1
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
          poster: posterId as number,
          _status: 'published',
        },
        draft: false,
        overrideAccess: true,
        depth: 0,
        req,
      })
      result.anime.created += 1
      done += 1
      onProgress?.(done, DEMO_ANIME.length)
    }

    for (const role of ROLES) {
      const email = `${role}@${DEMO_EMAIL_DOMAIN}`
      if ((await findIdBy(payload, 'users', 'email', email, req)) !== undefined) {
        result.existingAccounts += 1
        continue
      }
      const account = { role, email, password: randomPassword() }
      await payload.create({
        collection: 'users',
        data: { email: account.email, password: account.password, name: `Demo ${role}`, roles: [role] },
        overrideAccess: true,
        depth: 0,
        req,
      })
      result.accounts.push(account)
    }

    await commitTransaction(req)
    return result
  } catch (error) {
    await killTransaction(req).catch(() => undefined)
    if (staticDir) {
      await Promise.all(writtenFiles.map((name) => fs.rm(path.join(staticDir, name), { force: true }).catch(() => undefined)))
    }
    throw error
  }
}
