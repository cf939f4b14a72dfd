import { CsvError, parse, type Options } from 'csv-parse'
import { parse as parseSync } from 'csv-parse/sync'
import type { Readable } from 'node:stream'

/** Thrown for input that is not well-formed CSV; `line` is 1-based in the source text. */
export class CsvParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`CSV line ${line}: ${message}`)
    this.name = 'CsvParseError'
  }
}

export type CsvRecord = {
  /** The fields, unquoted. */
  fields: string[]
  /** The line (1-based) the record starts on; a quoted field may span several lines. */
  line: number
}

/** `,` (RFC 4180), or `;` as spreadsheets write CSV in locales whose decimal mark is a comma (Russian). */
export type CsvDelimiter = ',' | ';'

export type CsvOptions = {
  /** Left out: the header line decides (the one of the two it holds more of, outside quotes). */
  delimiter?: CsvDelimiter
}

/** The delimiter of a CSV text from its first line (a sample of the file's start is enough). */
export const detectDelimiter = (sample: string): CsvDelimiter => {
  let commas = 0
  let semicolons = 0
  let quoted = false
  for (const char of sample) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) break
    else if (!quoted && char === ',') commas += 1
    else if (!quoted && char === ';') semicolons += 1
  }
  return semicolons > commas ? ';' : ','
}

/** What csv-parse hands `on_record` with `raw: true`. */
type RawRecord = { record: string[]; raw: string }

const LINE_BREAKS = /\r\n|\r|\n/g
const lineBreaksIn = (text: string): number => text.match(LINE_BREAKS)?.length ?? 0

/**
 * csv-parse reports the line a record ends on; the importer names the line it starts on. Counted from
 * the raw text of each record (blank lines skipped before a record are at the start of its raw text).
 */
const lineTracker = () => {
  let consumed = 0
  return {
    /** The line the record being read starts on (for an error inside it). */
    current: () => consumed + 1,
    startOf: (raw: string): number => {
      const blank = /^[\r\n]*/.exec(raw)?.[0] ?? ''
      const start = consumed + 1 + lineBreaksIn(blank)
      consumed += lineBreaksIn(raw)
      return start
    },
  }
}

/**
 * RFC 4180 with either delimiter: records end at CRLF, LF or a lone CR; a field in double quotes may
 * hold delimiters, line breaks and doubled quotes (`""` -> `"`). A byte-order mark is dropped;
 * whitespace is kept as is; blank lines are skipped. An unterminated quoted field, or a quote in the
 * middle of an unquoted field, is an error rather than a guess. Rows may differ in length (the
 * importer rejects such a row by itself, naming it).
 */
const parserOptions = (delimiter: CsvDelimiter, lines: ReturnType<typeof lineTracker>): Options => ({
  delimiter,
  bom: true,
  skip_empty_lines: true,
  relax_column_count: true,
  raw: true,
  // With `raw: true` csv-parse hands on_record `{ record, raw }`, which its types do not model.
  on_record: ((input: RawRecord): CsvRecord => ({
    fields: input.record,
    line: lines.startOf(input.raw),
  })) as unknown as Options['on_record'],
})

/** csv-parse's errors in the importer's words, with the line to look at. */
const explain = (error: unknown, lines: ReturnType<typeof lineTracker>): unknown => {
  if (!(error instanceof CsvError)) return error
  const at = typeof error.lines === 'number' ? error.lines : lines.current()
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new CsvParseError('a quoted field opened on this line is not closed before the end of the file', lines.current())
    case 'INVALID_OPENING_QUOTE':
      return new CsvParseError('a quote inside an unquoted field (quote the whole field and double the quote)', at)
    case 'CSV_INVALID_CLOSING_QUOTE': {
      const char = /got "(.)"/.exec(error.message)?.[1]
      return new CsvParseError(`unexpected character ${char === undefined ? 'text' : JSON.stringify(char)} after a closing quote`, at)
    }
    default:
      return new CsvParseError(error.message, at)
  }
}

/** The records of a CSV text held in memory (small inputs, the rejects file, tests). */
export const parseCsv = (input: string, { delimiter }: CsvOptions = {}): CsvRecord[] => {
  const lines = lineTracker()
  try {
    return parseSync(input, parserOptions(delimiter ?? detectDelimiter(input.slice(0, 64 * 1024)), lines)) as unknown as CsvRecord[]
  } catch (error) {
    throw explain(error, lines)
  }
}

/** The records of a CSV stream, read as they come (the file is never held whole). */
export async function* readCsv(source: Readable, delimiter: CsvDelimiter): AsyncGenerator<CsvRecord> {
  const lines = lineTracker()
  const parser = parse(parserOptions(delimiter, lines))
  source.on('error', (error) => parser.destroy(error))
  source.pipe(parser)
  try {
    for await (const record of parser) yield record as CsvRecord
  } catch (error) {
    throw explain(error, lines)
  } finally {
    source.destroy()
  }
}

/** One CSV record (RFC 4180): fields with the delimiter, quotes or line breaks are quoted. CRLF-terminated. */
export const formatCsvRecord = (fields: readonly string[], delimiter: CsvDelimiter = ','): string => {
  const needsQuotes = delimiter === ';' ? /[";\r\n]/ : /[",\r\n]/
  return `${fields.map((value) => (needsQuotes.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)).join(delimiter)}\r\n`
}
