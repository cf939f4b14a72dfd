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

/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF or LF (a lone CR too); a field in double
 * quotes may contain commas, line breaks and doubled quotes (`""` -> `"`). A byte-order mark is
 * dropped. Whitespace is kept as is. Blank lines between records are skipped. An unterminated quoted
 * field, or a quote in the middle of an unquoted field, is an error rather than a guess.
 */
export const parseCsv = (input: string): CsvRecord[] => {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  let line = 1
  let recordLine = 1
  let quoted = false // inside a quoted field
  let wasQuoted = false // the current field was quoted (only a separator may follow its closing quote)
  let fieldStarted = false
  let lastFieldQuoted = false // the record's last field was quoted: `""` alone on a line is a record
  let quoteLine = 1 // where the open quoted field started, for the error message
  let i = 0

  const endField = () => {
    fields.push(field)
    field = ''
    wasQuoted = false
    fieldStarted = false
  }
  const endRecord = () => {
    endField()
    // A record that is one empty, unquoted field is a blank line.
    if (!(fields.length === 1 && fields[0] === '' && !lastFieldQuoted)) records.push({ fields, line: recordLine })
    fields = []
  }

  while (i < text.length) {
    const char = text[i]
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        wasQuoted = true
        i += 1
        continue
      }
      if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line += 1
      field += char
      i += 1
      continue
    }
    if (char === ',') {
      endField()
      i += 1
      continue
    }
    if (char === '\r' || char === '\n') {
      lastFieldQuoted = wasQuoted
      endRecord()
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1
      line += 1
      recordLine = line
      continue
    }
    if (wasQuoted) throw new CsvParseError(`unexpected character ${JSON.stringify(char)} after a closing quote`, line)
    if (char === '"') {
      if (fieldStarted) throw new CsvParseError('a quote inside an unquoted field (quote the whole field and double the quote)', line)
      quoted = true
      quoteLine = line
      fieldStarted = true
      i += 1
      continue
    }
    field += char
    fieldStarted = true
    i += 1
  }
  if (quoted) throw new CsvParseError('a quoted field opened on this line is not closed before the end of the file', quoteLine)
  if (fieldStarted || wasQuoted || fields.length > 0) {
    lastFieldQuoted = wasQuoted
    endRecord()
  }
  return records
}

const needsQuotes = /[",\r\n]/

/** One CSV record (RFC 4180): fields with commas, quotes or line breaks are quoted. CRLF-terminated. */
export const formatCsvRecord = (fields: readonly string[]): string =>
  `${fields.map((value) => (needsQuotes.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)).join(',')}\r\n`
