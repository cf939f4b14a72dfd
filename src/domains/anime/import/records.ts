import { formatCsvRecord, parseCsv } from './csv'
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
}

/** A file the importer cannot read as a whole: reported as one line, exit code 1. */
export class ImportInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportInputError'
  }
}

export const recordsFromCsv = (text: string): ParsedInput => {
  const rows = parseCsv(text)
  if (rows.length === 0) throw new ImportInputError('the CSV file is empty (it needs a header row with at least a "title" column)')
  const [{ fields: header }, ...body] = rows
  const columns = header.map((name) => canonicalField(name.trim()))
  const seen = new Map<ImportField, string>()
  header.forEach((name, index) => {
    const field = columns[index]
    if (!field) return
    if (seen.has(field)) throw new ImportInputError(`CSV columns "${seen.get(field)}" and "${name}" both mean "${field}"`)
    seen.set(field, name)
  })
  if (!seen.has('title')) {
    throw new ImportInputError(`the CSV header has no "title" column (header: ${header.map((name) => JSON.stringify(name)).join(', ')})`)
  }
  const ignored = header.filter((name, index) => !columns[index] && name.trim() !== '')
  const records = body.map(({ fields, line }, index): ImportRecord => {
    const record: ImportRecord = { row: index + 1, line, data: {}, original: fields }
    if (fields.length !== header.length) {
      record.error = `has ${fields.length} field(s), the header has ${header.length}`
      return record
    }
    fields.forEach((value, column) => {
      const field = columns[column]
      if (field) record.data[field] = value
    })
    return record
  })
  return { format: 'csv', records, header, ignored }
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

export const parseInput = (fileName: string, text: string): ParsedInput => {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.csv')) return recordsFromCsv(text)
  if (lower.endsWith('.json')) return recordsFromJson(text)
  throw new ImportInputError(`cannot tell the format of "${fileName}": the name must end in .csv or .json`)
}

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
  return [
    formatCsvRecord(['row', 'line', 'reason', ...header]),
    ...rejections.map(({ row, line, reasons, original }) =>
      formatCsvRecord([String(row), line === undefined ? '' : String(line), reasons.join('; '), ...(Array.isArray(original) ? original.map(String) : [])]),
    ),
  ].join('')
}
