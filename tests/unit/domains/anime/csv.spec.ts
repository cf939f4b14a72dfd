import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'

import { CsvParseError, detectDelimiter, formatCsvRecord, parseCsv, readCsv } from '@/domains/anime/import/csv'

const fields = (text: string) => parseCsv(text).map((record) => record.fields)

describe('parseCsv (RFC 4180)', () => {
  it('splits plain fields and records, with LF, CRLF or a lone CR', () => {
    expect(fields('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ])
    expect(fields('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
    expect(fields('a,b\r1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
  })

  it('keeps empty fields, including a trailing one', () => {
    expect(fields('a,,c,\n')).toEqual([['a', '', 'c', '']])
    expect(fields(',\n')).toEqual([['', '']])
  })

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'title,synopsis\n"Kaze, ""the"" Wind","Line one.\r\nLine two, ""quoted""."\nnext,row\n'
    const records = parseCsv(text)
    expect(records.map((record) => record.fields)).toEqual([
      ['title', 'synopsis'],
      ['Kaze, "the" Wind', 'Line one.\r\nLine two, "quoted".'],
      ['next', 'row'],
    ])
    // The line each record starts on, counting the line break inside the quoted field.
    expect(records.map((record) => record.line)).toEqual([1, 2, 4])
  })

  it('accepts a missing final line break, skips blank lines and drops a byte-order mark', () => {
    expect(fields('\ufeffa,b\n\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
    expect(parseCsv('a\n\n\nb\n').map((record) => record.line)).toEqual([1, 4])
  })

  it('keeps a quoted empty field on its own line as a record', () => {
    expect(fields('a\n""\n')).toEqual([['a'], ['']])
  })

  it('keeps whitespace as it is', () => {
    expect(fields(' a , b \n')).toEqual([[' a ', ' b ']])
  })

  it('refuses an unterminated quoted field, naming the line', () => {
    expect(() => parseCsv('a,b\n1,"open\nstill open\n')).toThrow(CsvParseError)
    expect(() => parseCsv('a,b\n1,"open\nstill open\n')).toThrow(/line 2: a quoted field opened on this line is not closed/)
  })

  it('refuses a quote inside an unquoted field and text after a closing quote', () => {
    expect(() => parseCsv('a,b"c\n')).toThrow(/line 1: a quote inside an unquoted field/)
    expect(() => parseCsv('x\n"a"b,c\n')).toThrow(/line 2: unexpected character "b" after a closing quote/)
  })

  it('round-trips what formatCsvRecord writes', () => {
    const record = ['plain', 'with, comma', 'with "quote"', 'multi\nline', ' padded ', '']
    expect(fields(formatCsvRecord(record))).toEqual([record])
    expect(formatCsvRecord(['a', 'b,c'])).toBe('a,"b,c"\r\n')
  })
})

describe('CSV formats of the import (csv-parse)', () => {
  it('reads `;`-separated files as spreadsheets in a Russian locale save them, telling the delimiter from the header', () => {
    const text = '\ufefftitle;genres;synopsis\r\nKaze, the Wind;Action|Drama;"Line one;\r\nline two"\r\nNext;;\r\n'
    expect(detectDelimiter(text)).toBe(';')
    const records = parseCsv(text)
    expect(records.map((record) => record.fields)).toEqual([
      ['title', 'genres', 'synopsis'],
      ['Kaze, the Wind', 'Action|Drama', 'Line one;\r\nline two'],
      ['Next', '', ''],
    ])
    expect(records.map((record) => record.line)).toEqual([1, 2, 4])
  })

  it('keeps commas for a comma header (a quoted `;` in it does not count) and obeys an explicit delimiter', () => {
    expect(detectDelimiter('title,"a;b;c",year\n1;2;3;4;5\n')).toBe(',')
    expect(detectDelimiter('title\n')).toBe(',')
    expect(fields('title;year\n')).toEqual([['title', 'year']])
    expect(parseCsv('title;year\na,b;1\n', { delimiter: ',' }).map((record) => record.fields)).toEqual([['title;year'], ['a', 'b;1']])
  })

  it('streams: records and their lines come out the same when chunks split a quoted line break, the BOM or a CRLF', async () => {
    const text = '\ufefftitle,synopsis\r\n"A","one\r\ntwo"\r\n\r\nB,three\r\n'
    const bytes = Buffer.from(text)
    // One byte at a time: every split point is exercised.
    const chunks = [...bytes].map((byte) => Buffer.from([byte]))
    const streamed: { fields: string[]; line: number }[] = []
    for await (const record of readCsv(Readable.from(chunks), ',')) streamed.push(record)
    expect(streamed).toEqual(parseCsv(text))
    expect(streamed.map((record) => record.line)).toEqual([1, 2, 5])
  })

  it('streams errors with their line too', async () => {
    const read = async () => {
      for await (const record of readCsv(Readable.from(['a,b\n1,"open\nstill open\n']), ',')) void record
    }
    await expect(read()).rejects.toThrow(/line 2: a quoted field opened on this line is not closed/)
  })

  it('writes `;` records for a `;` input, quoting what holds a `;`', () => {
    expect(formatCsvRecord(['a', 'b;c', 'd,e'], ';')).toBe('a;"b;c";d,e\r\n')
    const record = ['plain', 'with; semicolon', 'with "quote"', 'multi\nline']
    expect(parseCsv(formatCsvRecord(record, ';'), { delimiter: ';' }).map((row) => row.fields)).toEqual([record])
  })
})
