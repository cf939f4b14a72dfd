import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseCsv } from '@/domains/anime/import/csv'
import { createMigratedTestDatabase, type TestDatabase } from '../../../helpers/testDatabase'
import { TEST_SECRET } from '../../../helpers/testSecret'
import { runNpmScript, type ScriptRun } from '../../../helpers/runNpmScript'

/**
 * Acceptance: the real `npm run import:anime` command, as a child process, against a migrated
 * database of its own. A CSV with good and bad rows, run twice; then JSON; then the fatal cases.
 */

const FIXTURES = path.resolve('tests/fixtures/anime')
let database: TestDatabase
let pool: pg.Pool
let workDir: string

const runImport = (args: string[], env: Record<string, string> = {}): Promise<ScriptRun> =>
  runNpmScript('import:anime', args, { DATABASE_URL: database.url, SECRET_KEY: TEST_SECRET, S3_BUCKET: '', NODE_ENV: 'test', ...env })

const count = async (table: string): Promise<number> => Number((await pool.query(`select count(*)::int as n from ${table}`)).rows[0].n)

const summaryOf = (stdout: string) => {
  const match = /(\d+) row\(s\): created (\d+), updated (\d+), rejected (\d+), duration [\d.]+s/.exec(stdout)
  if (!match) throw new Error(`no summary in: ${stdout}`)
  const [, total, created, updated, rejected] = match.map(Number)
  return { total, created, updated, rejected }
}

const rejectsOf = (file: string) =>
  parseCsv(fs.readFileSync(file, 'utf8'))
    .slice(1)
    .map(({ fields }) => ({ row: Number(fields[0]), line: Number(fields[1]), reason: fields[2], title: fields[3] }))

beforeAll(async () => {
  database = await createMigratedTestDatabase('anime_import')
  pool = new pg.Pool({ connectionString: database.url, max: 2 })
  fs.mkdirSync('tests/.tmp', { recursive: true })
  workDir = fs.mkdtempSync(path.resolve('tests/.tmp/anime-import-'))
  for (const name of ['good-and-bad.csv', 'good-and-bad.json']) fs.copyFileSync(path.join(FIXTURES, name), path.join(workDir, name))
})

afterAll(async () => {
  await pool?.end()
  await database?.drop()
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true })
})

const EXPECTED_REJECTS = [
  { row: 7, line: 9, reason: 'title is required', title: '' },
  { row: 8, line: 10, reason: 'kind must be one of tv, movie, ova, ona, special, music (got "bogus")', title: 'Bogus Kind' },
  { row: 9, line: 11, reason: 'year must be an integer from 1900 to 2100 (got "abc")', title: 'Bad Year' },
  { row: 10, line: 12, reason: 'score must be a number from 0 to 10 (got "11")', title: 'Too Good' },
  { row: 11, line: 13, reason: 'duplicate mal id 900001 in the file (first in row 1)', title: 'Copycat' },
]

describe('npm run import:anime', () => {
  it('imports the good rows of a CSV, rejects the bad ones with row numbers and reasons, and upserts on a second run', async () => {
    const csv = path.join(workDir, 'good-and-bad.csv')
    const rejectsFile = `${csv}.rejects.csv`

    const first = await runImport([csv])
    expect(first.code, first.stderr).toBe(2)
    expect(summaryOf(first.stdout)).toEqual({ total: 11, created: 6, updated: 0, rejected: 5 })
    expect(first.stdout).toContain(`rejected rows written to ${rejectsFile}`)
    expect(first.stderr).toContain('rejected row 8 (line 10): kind must be one of')
    expect(first.stderr).toMatch(/importing \[#+\] 100% 11\/11/)
    expect(rejectsOf(rejectsFile)).toEqual(EXPECTED_REJECTS)

    expect(await count('anime')).toBe(6)
    expect(await count(`anime where _status = 'published'`)).toBe(6)
    // Rejected rows created nothing: no Horror, Mecha or Studio Ghost.
    expect((await pool.query('select name from genres order by name')).rows.map((row) => row.name)).toEqual([
      'Action',
      'Comedy',
      'Drama',
      'Sci-Fi',
      'Slice of Life',
    ])
    expect((await pool.query('select name from studios order by name')).rows.map((row) => row.name)).toEqual([
      'Lantern Works',
      'Studio Aozora',
    ])

    const kaze = (
      await pool.query(`select id, title, kind, year::int as year, score::float as score from anime where external_ids_mal = 900002`)
    ).rows[0]
    expect(kaze).toMatchObject({ title: 'Kaze, "the" Wind', kind: 'movie', year: 2020, score: 7 })
    const kazeGenres = await pool.query(
      `select g.name from anime_rels r join genres g on g.id = r.genres_id where r.parent_id = $1 order by r."order"`,
      [kaze.id],
    )
    expect(kazeGenres.rows.map((row) => row.name)).toEqual(['Drama', 'Action'])
    const hoshi = (await pool.query(`select synopsis, slug, aired_from from anime where external_ids_mal = 900001`)).rows[0]
    expect(hoshi.slug).toBe('hoshi-no-umi')
    expect(new Date(hoshi.aired_from).toISOString()).toBe('2019-04-01T00:00:00.000Z')
    const paragraph = hoshi.synopsis.root.children[0].children
    expect(paragraph.map((node: { type: string }) => node.type)).toEqual(['text', 'linebreak', 'text'])
    expect(paragraph[2].text).toBe('Line two, with a comma and "quotes".')
    const alt = await pool.query(
      `select a.title from anime_alt_titles a join anime on anime.id = a._parent_id where anime.slug = 'hoshi-no-umi' order by a._order`,
    )
    expect(alt.rows.map((row) => row.title)).toEqual(['HnU', 'Umi'])
    // The Japanese-only title has no slug; it is keyed by its Kitsu id.
    expect((await pool.query(`select slug from anime where external_ids_kitsu = 700005`)).rows).toEqual([{ slug: null }])

    const second = await runImport([csv])
    expect(second.code, second.stderr).toBe(2)
    expect(summaryOf(second.stdout)).toEqual({ total: 11, created: 0, updated: 6, rejected: 5 })
    expect(rejectsOf(rejectsFile)).toEqual(EXPECTED_REJECTS)
    expect(await count('anime')).toBe(6)
    expect(await count('genres')).toBe(5)
    expect(await count('studios')).toBe(2)
    expect(await count(`anime where _status = 'published'`)).toBe(6)
  })

  it('imports JSON into the same catalog, reporting Payload refusals as reasons and rolling back their genres', async () => {
    const json = path.join(workDir, 'good-and-bad.json')
    const run = await runImport([json])
    expect(run.code, run.stderr).toBe(2)
    expect(summaryOf(run.stdout)).toEqual({ total: 4, created: 1, updated: 1, rejected: 2 })

    const rejects = JSON.parse(fs.readFileSync(`${json}.rejects.json`, 'utf8'))
    expect(rejects).toEqual([
      { row: 3, reasons: ['payload: external_ids_anilist: Value must be unique'], record: expect.objectContaining({ title: 'Clash' }) },
      { row: 4, reasons: ['row is not an object (got "not an object")'], record: 'not an object' },
    ])

    expect(await count('anime')).toBe(7)
    // Mecha is new, "action" is the existing Action; Horror belonged to the refused row and was rolled back.
    expect((await pool.query('select name from genres order by name')).rows.map((row) => row.name)).toEqual([
      'Action',
      'Comedy',
      'Drama',
      'Mecha',
      'Sci-Fi',
      'Slice of Life',
    ])
    expect(await count('studios')).toBe(2)
    // The update wrote only what the row gives: the score changed, the genres stayed.
    const kaze = (await pool.query(`select id, score::float as score, year::int as year from anime where external_ids_mal = 900002`))
      .rows[0]
    expect(kaze).toMatchObject({ score: 9.5, year: 2020 })
    expect(await count(`anime_rels where parent_id = ${Number(kaze.id)} and path = 'genres'`)).toBe(2)
    // The refused row left Episode Zero as it was.
    expect(
      (await pool.query(`select external_ids_anilist::int as external_ids_anilist from anime where external_ids_mal = 900006`)).rows,
    ).toEqual([{ external_ids_anilist: null }])
  })

  it('exits 0 and removes a stale rejects file when every row lands', async () => {
    const file = path.join(workDir, 'clean.json')
    fs.writeFileSync(file, JSON.stringify([{ title: 'Clean Run', kind: 'tv', externalIds: { mal: 910001 } }]))
    fs.writeFileSync(`${file}.rejects.json`, '[]')
    const run = await runImport([file])
    expect(run.code, run.stderr).toBe(0)
    expect(summaryOf(run.stdout)).toEqual({ total: 1, created: 1, updated: 0, rejected: 0 })
    expect(fs.existsSync(`${file}.rejects.json`)).toBe(false)
    expect(await count('anime')).toBe(8)
  })

  it('fails with exit code 1 and one clear line for an unreadable file, a malformed CSV or an unreachable database', async () => {
    const missing = await runImport([path.join(workDir, 'missing.csv')])
    expect(missing.code).toBe(1)
    expect(missing.stderr.trim()).toBe(`import:anime: cannot read ${path.join(workDir, 'missing.csv')}: ENOENT`)

    const broken = path.join(workDir, 'broken.csv')
    fs.writeFileSync(broken, 'title,year\n"Unclosed,2001\n')
    const malformed = await runImport([broken])
    expect(malformed.code).toBe(1)
    expect(malformed.stderr.trim()).toBe(
      `import:anime: ${broken}: CSV line 2: a quoted field opened on this line is not closed before the end of the file`,
    )

    const down = await runImport([path.join(workDir, 'good-and-bad.csv')], { DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/nowhere' })
    expect(down.code).toBe(1)
    expect(down.stderr.trim().split('\n')).toHaveLength(1)
    expect(down.stderr).toMatch(/^import:anime: cannot reach the database at 127\.0\.0\.1:1\/nowhere: .*ECONNREFUSED/)
    expect(await count('anime')).toBe(8)
  })
  it('imports a `;` CSV as a spreadsheet in a Russian locale saves it (BOM, CRLF, quoted line breaks), and writes its rejects with `;`', async () => {
    const file = path.join(workDir, 'russian-locale.csv')
    fs.writeFileSync(
      file,
      '\ufefftitle;titleRussian;kind;year;genres;mal;synopsis\r\n' +
        'Kaze, the Wind Returns;Ветер возвращается;tv;2003;Drama|Action;920001;"First line;\r\nsecond line"\r\n' +
        'Bad Year;;tv;abc;;920002;\r\n',
    )
    const run = await runImport([file])
    expect(run.code, run.stderr).toBe(2)
    expect(summaryOf(run.stdout)).toEqual({ total: 2, created: 1, updated: 0, rejected: 1 })
    expect(run.stderr).toContain('rejected row 2 (line 4): year must be an integer')
    const { rows } = await pool.query(`select title, title_russian, slug from anime where external_ids_mal = 920001`)
    expect(rows).toEqual([{ title: 'Kaze, the Wind Returns', title_russian: 'Ветер возвращается', slug: 'kaze-the-wind-returns' }])
    const rejects = fs.readFileSync(`${file}.rejects.csv`, 'utf8')
    expect(rejects.split('\r\n')[0]).toBe('row;line;reason;title;titleRussian;kind;year;genres;mal;synopsis')
    expect(
      parseCsv(rejects)
        .slice(1)
        .map(({ fields }) => fields.slice(0, 4)),
    ).toEqual([['2', '4', 'year must be an integer from 1900 to 2100 (got "abc")', 'Bad Year']])
  })
})
