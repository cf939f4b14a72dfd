import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createMigratedTestDatabase, type TestDatabase } from '../../../helpers/testDatabase'
import { TEST_SECRET } from '../../../helpers/testSecret'
import { runNpmScript, type ScriptRun } from '../../../helpers/runNpmScript'

/** `npm run seed`, the real command, against a fresh migrated database of its own. */

const MEDIA_DIR = path.resolve('media')
let database: TestDatabase
let pool: pg.Pool

const runSeed = (): Promise<ScriptRun> =>
  runNpmScript('seed', [], { DATABASE_URL: database.url, SECRET_KEY: TEST_SECRET, S3_BUCKET: '', NODE_ENV: 'test' })

const count = async (sql: string): Promise<number> => Number((await pool.query(`select count(*)::int as n from ${sql}`)).rows[0].n)

/** Every file the seed's posters wrote to media/ (original and resized), to remove them afterwards. */
const posterFiles = async (): Promise<string[]> => {
  const { rows } = await pool.query(`select * from media`)
  return rows.flatMap((row: Record<string, unknown>) =>
    Object.entries(row)
      .filter(([column, value]) => (column === 'filename' || /^sizes_.*_filename$/.test(column)) && typeof value === 'string')
      .map(([, value]) => path.join(MEDIA_DIR, value as string)),
  )
}

beforeAll(async () => {
  database = await createMigratedTestDatabase('anime_seed')
  pool = new pg.Pool({ connectionString: database.url, max: 2 })
})

afterAll(async () => {
  if (pool) {
    for (const file of await posterFiles().catch(() => [])) fs.rmSync(file, { force: true })
    await pool.end()
  }
  await database?.drop()
})

describe('npm run seed', () => {
  it('fills an empty database with the published demo catalog, posters and one account per role, and a second run creates nothing', async () => {
    const run = await runSeed()
    expect(run.code, run.stderr).toBe(0)

    expect(await count(`anime`)).toBe(40)
    expect(await count(`anime where _status = 'published'`)).toBe(40)
    expect(await count(`anime where poster_id is null`)).toBe(0)
    expect(await count(`(select distinct kind from anime) k`)).toBe(6)
    expect(await count(`(select distinct status from anime) s`)).toBe(3)
    expect(await count(`anime where title_japanese is not null`)).toBeGreaterThanOrEqual(10)
    expect(await count(`anime_alt_titles`)).toBeGreaterThanOrEqual(4)
    expect(await count(`anime where synopsis -> 'root' -> 'children' -> 0 ->> 'type' = 'paragraph'`)).toBe(40)
    expect(await count(`genres`)).toBe(10)
    expect(await count(`studios`)).toBe(8)

    // Posters: real WebP files on disk, one media document per anime, with alt text.
    expect(await count(`media where mime_type = 'image/webp' and alt like 'Poster of %'`)).toBe(40)
    const files = await posterFiles()
    expect(files.length).toBeGreaterThanOrEqual(40)
    for (const file of files) expect(fs.existsSync(file), file).toBe(true)

    // One account per role, passwords printed once.
    const users = await pool.query(`select u.email, r.value as role from users u join users_roles r on r.parent_id = u.id order by u.email`)
    expect(users.rows).toEqual([
      { email: 'admin@kitsu.local', role: 'admin' },
      { email: 'editor@kitsu.local', role: 'editor' },
      { email: 'moderator@kitsu.local', role: 'moderator' },
      { email: 'user@kitsu.local', role: 'user' },
    ])
    const printed = [...run.stdout.matchAll(/^\s+(admin|editor|moderator|user)\s+(\S+@kitsu\.local)\s+(\S+)$/gm)]
    expect(printed.map((match) => match[1])).toEqual(['admin', 'editor', 'moderator', 'user'])
    for (const match of printed) expect(match[3].length).toBeGreaterThanOrEqual(16)

    // The printed password is the one stored: recompute Payload's current hash (pbkdf2-sha256-v1: 600000 rounds, 32 bytes).
    const hashes = await pool.query(`select email, hash, salt from users where email = 'editor@kitsu.local'`)
    const { pbkdf2Sync } = await import('node:crypto')
    const editorPassword = printed.find((match) => match[1] === 'editor')![3]
    const { hash, salt } = hashes.rows[0]
    expect(`pbkdf2-sha256-v1:${pbkdf2Sync(editorPassword, salt, 600_000, 32, 'sha256').toString('hex')}`).toBe(hash)

    // Idempotent: a second run exits 0, creates nothing and prints no password.
    // 40 posters and the FrankenJet seed's 41 images (tests/int/domains/aviation/seed.int.spec.ts checks those).
    const before = { anime: 40, users: 4, media: 81, genres: 10, studios: 8, poster_links: 40 }
    expect(await count(`media`)).toBe(81)
    const again = await runSeed()
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toContain(
      'seed (Kitsu): anime 0 created, 40 already there; posters 0 created, 0 already there; genres 0 created, 10 already there; studios 0 created, 8 already there; accounts 0 created, 4 already there.',
    )
    expect(again.stdout).not.toMatch(/@kitsu\.local/)
    expect({
      anime: await count(`anime`),
      users: await count(`users`),
      media: await count(`media`),
      genres: await count(`genres`),
      studios: await count(`studios`),
      poster_links: await count(`anime where poster_id is not null`),
    }).toEqual(before)
    expect(await count(`media where alt like 'Poster of %'`)).toBe(40)
    // The editor's password is unchanged.
    expect((await pool.query(`select hash from users where email = 'editor@kitsu.local'`)).rows[0].hash).toBe(hash)
  })
})
