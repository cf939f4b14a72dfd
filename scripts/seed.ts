/**
 * `npm run seed`: fills the database with the demo content of both products, and is idempotent.
 * Kitsu: 40 invented anime with generated posters, genres, studios, and one account per role
 * (admin, editor, moderator and user @kitsu.local, random passwords printed once, here, on stdout,
 * when the account is created). FrankenJet: the article categories and a small original
 * encyclopedia (about 20 aircraft, their manufacturers, bureaus and designers, personalities,
 * events, 10 articles), published, with generated images uploaded through the configured storage
 * (local media/ or the S3 bucket).
 *
 * Everything is found by slug (media by alt text, accounts by email) before it is created, so a
 * second run creates nothing and changes nothing: it says what already existed. Finds the database
 * as the server does (DATABASE_URL / DB_HOST, else the embedded PostgreSQL under .data/postgres,
 * started and migrated if no server is running it). The logic is in src/domains/anime/seed/ and
 * src/domains/aviation/seed/.
 */
// First: reads .env and validates the configuration before payload.config is evaluated.
import '@/platform/cli/scriptEnv'
import config from '../payload.config'
import { createProgress } from '@/platform/cli/progress'
import { bootScriptPayload, FatalError, runScript } from '@/platform/cli/scriptRuntime'
import { seedDemo } from '@/domains/anime/seed/seedDemo'
import type { SeedCounts } from '@/platform/seed'
import { seedEncyclopedia } from '@/domains/aviation/seed/seedEncyclopedia'

const describeCounts = (entries: [string, SeedCounts][]) =>
  entries.map(([label, { created, existing }]) => `${label} ${created} created, ${existing} already there`).join('; ')

const main = async (): Promise<number> => {
  const args = process.argv.slice(2).filter((arg) => arg !== '--')
  if (args.length > 0) throw new FatalError(`unexpected argument(s): ${args.join(' ')} (usage: npm run seed)`)

  const { payload, close } = await bootScriptPayload('seed', config)
  const progress = createProgress(process.stderr, 'seeding')
  let anime
  let aviation
  try {
    anime = await seedDemo(payload, { onProgress: (done, total) => progress.update(done, total) })
    progress.finish()
    aviation = await seedEncyclopedia(payload)
  } finally {
    progress.finish()
    await close()
  }

  console.log(
    `seed (Kitsu): ${describeCounts([
      ['anime', anime.anime],
      ['posters', anime.posters],
      ['genres', anime.genres],
      ['studios', anime.studios],
    ])}; accounts ${anime.accounts.length} created, ${anime.existingAccounts} already there.`,
  )
  console.log(`seed (FrankenJet): ${describeCounts(Object.entries(aviation))}.`)
  if (anime.accounts.length > 0) {
    console.log('Demo accounts created (the passwords are shown only this once; change them or delete the accounts before any real use):')
    for (const { role, email, password } of anime.accounts) console.log(`  ${role.padEnd(9)} ${email.padEnd(22)} ${password}`)
  }
  return 0
}

runScript('seed', main)
