import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { CsvParseError } from '@/domains/anime/import/csv'
import { formatRejects, ImportInputError, readInput, recordsFromCsv } from '@/domains/anime/import/records'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anime-records-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const write = (name: string, text: string) => {
  const file = path.join(dir, name)
  fs.writeFileSync(file, text)
  return file
}

// As a spreadsheet in a Russian locale saves it: BOM, `;`, CRLF, commas unquoted inside fields.
const RUSSIAN_EXPORT =
  '\ufefftitle;titleRussian;year;genres\r\nKaze, the Wind;Ветер;2001;Drama|Action\r\n"Two\r\nlines";;2002;\r\nShort;row\r\n'

describe('import records from CSV files', () => {
  it('reads a `;` spreadsheet export from disk as a stream, with rows, lines and the delimiter kept for the rejects', async () => {
    const input = await readInput(write('russian.csv', RUSSIAN_EXPORT))
    expect(input.delimiter).toBe(';')
    expect(input.header).toEqual(['title', 'titleRussian', 'year', 'genres'])
    expect(input.records.map(({ row, line, data, error }) => ({ row, line, data, error }))).toEqual([
      { row: 1, line: 2, data: { title: 'Kaze, the Wind', titleRussian: 'Ветер', year: '2001', genres: 'Drama|Action' }, error: undefined },
      { row: 2, line: 3, data: { title: 'Two\r\nlines', titleRussian: '', year: '2002', genres: '' }, error: undefined },
      { row: 3, line: 5, data: {}, error: 'has 2 field(s), the header has 4' },
    ])
    expect(formatRejects(input, [{ row: 3, line: 5, reasons: ['a; b'], original: ['Short', 'row'] }])).toBe(
      'row;line;reason;title;titleRussian;year;genres\r\n3;5;"a; b";Short;row\r\n',
    )
  })

  it('reads the same file the same way from memory, and with an explicit delimiter', async () => {
    const fromDisk = await readInput(write('again.csv', RUSSIAN_EXPORT))
    expect(recordsFromCsv(RUSSIAN_EXPORT)).toEqual(fromDisk)
    // Forced to commas, the header is one column that is not "title".
    expect(() => recordsFromCsv('title;year\nA;2001\n', { delimiter: ',' })).toThrow(ImportInputError)
    expect(recordsFromCsv('title;year\nA, B;2001\n', { delimiter: ';' }).records[0].data).toEqual({ title: 'A, B', year: '2001' })
  })

  it('reads a comma file with a BOM and quoted line breaks from disk', async () => {
    const input = await readInput(write('comma.csv', '\ufefftitle,year\n"A, B",2001\n"multi\nline",2002\n'))
    expect(input.delimiter).toBe(',')
    expect(input.records.map(({ line, data }) => ({ line, data }))).toEqual([
      { line: 2, data: { title: 'A, B', year: '2001' } },
      { line: 3, data: { title: 'multi\nline', year: '2002' } },
    ])
  })

  it('refuses an empty file and passes a missing one on as the file system said', async () => {
    await expect(readInput(write('empty.csv', '\ufeff'))).rejects.toThrow(/the CSV file is empty/)
    await expect(readInput(path.join(dir, 'missing.csv'))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('stops at malformed CSV on disk with the line it starts on, and closes the file', async () => {
    const file = write('broken.csv', 'title,year\n"Unclosed,2001\n')
    await expect(readInput(file)).rejects.toThrow('CSV line 2: a quoted field opened on this line is not closed before the end of the file')
    await expect(readInput(write('quote.csv', 'title,year\nA"B,2001\n'))).rejects.toBeInstanceOf(CsvParseError)
  })
})
