import { describe, expect, it } from 'vitest'

import { CsvParseError, formatCsvRecord, parseCsv } from '../../../../src/domains/anime/import/csv'

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
