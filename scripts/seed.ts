/**
 * `npm run seed`: fills an EMPTY database with the demo catalog (40 invented anime with generated
 * posters, genres, studios) and one account per role: admin, editor, moderator and user
 * @kitsu.local, with random passwords printed once, here, on stdout.
 *
 * Finds the database as the server does (DATABASE_URL / DB_HOST, else the embedded PostgreSQL
 * under .data/postgres, started and migrated if no server is running it). Refuses, exit code 1 and
 * nothing changed, when the database already has users or anime. The logic is in src/domains/anime/seed/.
 */
// First: reads .env and validates the configuration before payload.config is evaluated.
import '../src/domains/anime/import/scriptEnv'
import config from '../payload.config'
import { createProgress } from '../src/domains/anime/import/progress'
import { bootScriptPayload, FatalError, runScript } from '../src/domains/anime/import/scriptRuntime'
import { seedDemo, SeedRefusedError } from '../src/domains/anime/seed/seedDemo'

const main = async (): Promise<number> => {
  const args = process.argv.slice(2).filter((arg) => arg !== '--')
  if (args.length > 0) throw new FatalError(`unexpected argument(s): ${args.join(' ')} (usage: npm run seed)`)

  const { payload, close } = await bootScriptPayload('seed', config)
  const progress = createProgress(process.stderr, 'seeding')
  let result
  try {
    result = await seedDemo(payload, { onProgress: (done, total) => progress.update(done, total) })
  } catch (error) {
    if (error instanceof SeedRefusedError) throw new FatalError(error.message)
    throw error
  } finally {
    progress.finish()
    await close()
  }

  console.log(
    `seed: created ${result.anime} published anime with ${result.posters} posters, ${result.genres} genres, ${result.studios} studios and ${result.accounts.length} accounts.`,
  )
  console.log('Demo accounts (the passwords are shown only this once; change them or delete the accounts before any real use):')
  for (const { role, email, password } of result.accounts) console.log(`  ${role.padEnd(9)} ${email.padEnd(22)} ${password}`)
  return 0
}

runScript('seed', main)
