import { describe, expect, it } from 'vitest'

import { plainKeyOf } from '@/platform/database/withBuiltQueryMemo'

/** The memo of built queries reuses a query only for an equal key: unequal inputs must never share one. */
describe('plainKeyOf', () => {
  it('tells apart values that JSON would confuse', () => {
    const distinct: unknown[] = [
      1,
      '1',
      -0,
      0,
      true,
      'true',
      null,
      undefined,
      'null',
      [],
      {},
      [undefined],
      [null],
      { a: undefined },
      { a: null },
      { a: 1, b: 2 },
      { b: 2, a: 1 },
      ['a,b'],
      ['a', 'b'],
      { 'a:1': 'x' },
      { a: '1:x' },
      10n,
      '10',
    ]
    const keys = distinct.map(plainKeyOf)
    expect(keys.every((key) => typeof key === 'string')).toBe(true)
    expect(new Set(keys).size).toBe(distinct.length)
  })

  it('gives equal plain data equal keys', () => {
    const where = () => ({ and: [{ kind: { equals: 'movie' } }, { id: { in: [3, 1, 2] } }] })
    expect(plainKeyOf(where())).toBe(plainKeyOf(where()))
    expect(plainKeyOf(Object.assign(Object.create(null) as object, { a: 1 }))).toBe(plainKeyOf({ a: 1 }))
  })

  it('refuses anything but plain data, however deep', () => {
    for (const value of [new Date(0), () => 1, Symbol('s'), new Map(), new (class Point {})(), { a: [{ b: new Date(0) }] }]) {
      expect(plainKeyOf(value)).toBeNull()
    }
  })
})
