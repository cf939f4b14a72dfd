import fs from 'node:fs/promises'

import { detectDelimiter, formatCsvRecord, parseCsv, readCsv, type CsvDelimiter, type CsvOptions, type CsvRecord } from './csv'
import { canonicalField, type ImportField } from './validateRow'

/** One input row before validation. `row` counts data rows from 1 (the CSV header is not a row). */
export type ImportRecord = {
  row: number
  /** CSV only: the line the record starts on. */
  line?: number
  data: Partial<Record<ImportField, unknown>>
  /** As read, for the rejects file: the CSV fields, or the JSON value. */
  original: string[] | unknown
  /** A problem found while reading (wrong field count, not an object): the row is rejected. */
  error?: string
}

export type ParsedInput = {
  format: 'csv' | 'json'
  records: ImportRecord[]
  /** CSV header as written (for the rejects file). */
  header?: string[]
  /** Columns or keys the importer does not know; they are ignored. */
  ignored: string[]
  /** CSV only: the delimiter read (the rejects file uses it too, so it opens in the same spreadsheet). */
  delimiter?: CsvDelimiter
}

/** Enough of a file's start to hold its header line. */
const SAMPLE_BYTES = 64 * 1024

/** A file the importer cannot read as a whole: reported as one line, exit code 1. */
export class ImportInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportInputError'
  }
}

/** Builds the importer's records from CSV rows as they are read: the first row is the header. */
const csvRecordBuilder = (delimiter: CsvDelimiter) => {
  let header: string[] | undefined
  let columns: (ImportField | undefined)[] = []
  const records: ImportRecord[] = []
  const readHeader = (fields: string[]) => {
    header = fields
    columns = fields.map((name) => canonicalField(name.trim()))
    const seen = new Map<ImportField, string>()
    fields.forEach((name, index) => {
      const field = columns[index]
      if (!field) return
      if (seen.has(field)) throw new ImportInputError(`CSV columns "${seen.get(field)}" and "${name}" both mean "${field}"`)
      seen.set(field, name)
    })
    if (!seen.has('title')) {
      throw new ImportInputError(`the CSV header has no "title" column (header: ${fields.map((name) => JSON.stringify(name)).join(', ')})`)
    }
  }
  return {
    add: ({ fields, line }: CsvRecord) => {
      if (!header) return readHeader(fields)
      const record: ImportRecord = { row: records.length + 1, line, data: {}, original: fields }
      records.push(record)
      if (fields.length !== header.length) {
        record.error = `has ${fields.length} field(s), the header has ${header.length}`
        return
      }
      fields.forEach((value, column) => {
        const field = columns[column]
        if (field) record.data[field] = value
      })
    },
    done: (): ParsedInput => {
      if (!header) throw new ImportInputError('the CSV file is empty (it needs a header row with at least a "title" column)')
      const ignored = header.filter((name, index) => !columns[index] && name.trim() !== '')
      return { format: 'csv', records, header, ignored, delimiter }
    },
  }
}

export const recordsFromCsv = (text: string, options: CsvOptions = {}): ParsedInput => {
  const delimiter = options.delimiter ?? detectDelimiter(text.slice(0, SAMPLE_BYTES))
  const builder = csvRecordBuilder(delimiter)
  for (const row of parseCsv(text, { delimiter })) builder.add(row)
  return builder.done()
}

/** A CSV file read as a stream; the delimiter, unless given, from the file's first bytes. */
const readCsvFile = async (file: string, options: CsvOptions): Promise<ParsedInput> => {
  const handle = await fs.open(file)
  try {
    const sample = Buffer.alloc(SAMPLE_BYTES)
    const { bytesRead } = await handle.read(sample, 0, SAMPLE_BYTES, 0)
    const delimiter = options.delimiter ?? detectDelimiter(sample.subarray(0, bytesRead).toString('utf8'))
    const builder = csvRecordBuilder(delimiter)
    for await (const row of readCsv(handle.createReadStream({ start: 0, autoClose: false }), delimiter)) builder.add(row)
    return builder.done()
  } finally {
    await handle.close()
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** JSON: an array of objects, or `{ "anime": [...] }`. `externalIds: { mal, anilist, kitsu }` may be nested. */
export const recordsFromJson = (text: string): ParsedInput => {
  let parsed: unknown
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (error) {
    throw new ImportInputError(`the file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  const items = Array.isArray(parsed) ? parsed : isPlainObject(parsed) && Array.isArray(parsed.anime) ? parsed.anime : undefined
  if (!items) throw new ImportInputError('the JSON file must hold an array of anime objects, or an object with an "anime" array')
  const ignored = new Set<string>()
  const records = items.map((item: unknown, index: number): ImportRecord => {
    const record: ImportRecord = { row: index + 1, data: {}, original: item }
    if (!isPlainObject(item)) {
      record.error = `is not an object (got ${Array.isArray(item) ? 'an array' : JSON.stringify(item)})`
      return record
    }
    for (const [key, value] of Object.entries(item)) {
      if (key === 'externalIds' && isPlainObject(value)) {
        for (const [idKey, id] of Object.entries(value)) {
          const field = canonicalField(idKey)
          if (field === 'mal' || field === 'anilist' || field === 'kitsu') record.data[field] = id
          else ignored.add(`externalIds.${idKey}`)
        }
        continue
      }
      const field = canonicalField(key)
      if (!field) {
        ignored.add(key)
        continue
      }
      // altTitles may come as Payload shapes them: [{ title }].
      record.data[field] =
        field === 'altTitles' && Array.isArray(value)
          ? value.map((alt) => (isPlainObject(alt) && typeof alt.title === 'string' ? alt.title : alt))
          : value
    }
    return record
  })
  return { format: 'json', records, ignored: [...ignored] }
}

const formatOf = (fileName: string): 'csv' | 'json' => {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.csv')) return 'csv'
  if (lower.endsWith('.json')) return 'json'
  throw new ImportInputError(`cannot tell the format of "${fileName}": the name must end in .csv or .json`)
}

export const parseInput = (fileName: string, text: string, options: CsvOptions = {}): ParsedInput =>
  formatOf(fileName) === 'csv' ? recordsFromCsv(text, options) : recordsFromJson(text)

/** Reads an input file: CSV as a stream, JSON whole (JSON.parse needs it whole). Errors of the file system are thrown as they are. */
export const readInput = async (file: string, options: CsvOptions = {}): Promise<ParsedInput> =>
  formatOf(file) === 'csv' ? readCsvFile(file, options) : recordsFromJson(await fs.readFile(file, 'utf8'))

export type Rejection = { row: number; line?: number; reasons: string[]; original: unknown }

/** Where the rejects of `inputPath` go: next to it, `<input>.rejects.csv` or `.json`. */
export const rejectsPathFor = (inputPath: string, format: 'csv' | 'json'): string => `${inputPath}.rejects.${format}`

/** The rejects file: the original row plus its row number and reasons, in the input's own format. */
export const formatRejects = (input: ParsedInput, rejections: Rejection[]): string => {
  if (input.format === 'json') {
    return `${JSON.stringify(
      rejections.map(({ row, reasons, original }) => ({ row, reasons, record: original })),
      null,
      2,
    )}\n`
  }
  const header = input.header ?? []
  const delimiter = input.delimiter ?? ','
  return [
    formatCsvRecord(['row', 'line', 'reason', ...header], delimiter),
    ...rejections.map(({ row, line, reasons, original }) =>
      formatCsvRecord(
        [String(row), line === undefined ? '' : String(line), reasons.join('; '), ...(Array.isArray(original) ? original.map(String) : [])],
        delimiter,
      ),
    ),
  ].join('')
}
