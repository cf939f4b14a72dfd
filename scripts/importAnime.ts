/**
 * `npm run import:anime -- [--delimiter=,|;] <file.csv|file.json>`: upserts anime from a CSV or JSON
 * file, published. A CSV's delimiter (`,`, or `;` as spreadsheets in a Russian locale save it) is
 * read from its header line unless given.
 *
 * Exit codes: 0 every row landed; 2 some rows were rejected (listed, and written to
 * `<file>.rejects.csv|json` next to the input); 1 nothing could be done (unreadable or malformed
 * file, bad configuration, database unreachable or not migrated), with one line on stderr.
 * The logic lives in src/domains/anime/import/; this is only the command line.
 */
// First: reads .env and validates the configuration before payload.config is evaluated.
import '@/platform/cli/scriptEnv'
import fs from 'node:fs/promises'
import path from 'node:path'

import config from '../payload.config'

import { createProgress } from '@/platform/cli/progress'
import { DatabaseUnavailableError, importAnime } from '@/domains/anime/import/importAnime'
import { formatRejects, ImportInputError, readInput, rejectsPathFor } from '@/domains/anime/import/records'
import { CsvParseError, type CsvDelimiter } from '@/domains/anime/import/csv'
import { bootScriptPayload, FatalError, runScript } from '@/platform/cli/scriptRuntime'

const USAGE = 'usage: npm run import:anime -- [--delimiter=,|;] <file.csv|file.json>'

/** The file, and the CSV delimiter when given (otherwise the header line decides). */
const argumentsOf = (argv: string[]): { file: string; delimiter?: CsvDelimiter } => {
  const args = argv.filter((arg) => arg !== '--')
  const option = args.find((arg) => arg.startsWith('--delimiter='))
  const files = args.filter((arg) => arg !== option)
  if (files.length !== 1 || files[0].startsWith('-')) throw new FatalError(USAGE)
  const delimiter = option?.slice('--delimiter='.length)
  if (delimiter !== undefined && delimiter !== ',' && delimiter !== ';')
    throw new FatalError(`--delimiter must be "," or ";" (got "${delimiter}")`)
  return { file: path.resolve(files[0]), delimiter }
}

const main = async (): Promise<number> => {
  const { file, delimiter } = argumentsOf(process.argv.slice(2))

  let input
  try {
    input = await readInput(file, { delimiter })
  } catch (error) {
    if (error instanceof ImportInputError || error instanceof CsvParseError) throw new FatalError(`${file}: ${error.message}`)
    const code = (error as NodeJS.ErrnoException).code
    if (code) throw new FatalError(`cannot read ${file}: ${code}`)
    throw error
  }
  if (input.ignored.length > 0)
    console.error(`ignoring unknown ${input.format === 'csv' ? 'columns' : 'keys'}: ${input.ignored.join(', ')}`)

  const { payload, close } = await bootScriptPayload('import:anime', config)
  const progress = createProgress(process.stderr, 'importing')
  let summary
  try {
    summary = await importAnime(payload, input, { onProgress: (done, total) => progress.update(done, total) })
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw new FatalError(error.message)
    throw error
  } finally {
    progress.finish()
    await close()
  }

  const rejectsPath = rejectsPathFor(file, input.format)
  if (summary.rejected > 0) {
    for (const { row, line, reasons } of summary.rejections) {
      console.error(`rejected row ${row}${line === undefined ? '' : ` (line ${line})`}: ${reasons.join('; ')}`)
    }
    await fs.writeFile(rejectsPath, formatRejects(input, summary.rejections))
  } else {
    // A rejects file from an earlier run would now be misleading.
    await fs.rm(rejectsPath, { force: true })
  }
  console.log(
    `import:anime: ${summary.total} row(s): created ${summary.created}, updated ${summary.updated}, rejected ${summary.rejected}, duration ${(summary.durationMs / 1000).toFixed(1)}s`,
  )
  if (summary.rejected > 0) console.log(`rejected rows written to ${rejectsPath}`)
  return summary.rejected > 0 ? 2 : 0
}

runScript('import:anime', main)
