import type { Field, FieldAccess, PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'

import { takeDeniedWrites } from '@/platform/auth/writeGuard/deniedWrites'
import { guardFieldAccess } from '@/platform/auth/writeGuard/guardFieldAccess'
import { guardFields } from '@/platform/auth/writeGuard/guardFields'
import { sameFieldValue } from '@/platform/auth/writeGuard/sameFieldValue'
import { pathOf, storedAt } from '@/platform/auth/writeGuard/storedSibling'

describe('sameFieldValue', () => {
  it('treats a value sent back as it was read as unchanged', () => {
    expect(sameFieldValue('a', 'a')).toBe(true)
    expect(sameFieldValue(3, '3')).toBe(true)
    expect(sameFieldValue({ id: 3, title: 'Populated' }, 3)).toBe(true)
    expect(sameFieldValue({ relationTo: 'anime', value: { id: 3, title: 'x' } }, { relationTo: 'anime', value: 3 })).toBe(true)
    expect(sameFieldValue([{ id: 1 }, { id: 2 }], [1, 2])).toBe(true)
    expect(sameFieldValue('2024-01-02T03:04:05Z', '2024-01-02T03:04:05.000Z')).toBe(true)
    expect(sameFieldValue(new Date('2024-01-02T03:04:05Z'), '2024-01-02T03:04:05.000Z')).toBe(true)
    expect(sameFieldValue(null, undefined)).toBe(true)
    expect(sameFieldValue('', null)).toBe(true)
    expect(sameFieldValue([], null)).toBe(true)
    // A row sent without its id matches by content; nested relationships populated or not.
    expect(sameFieldValue([{ anime: { id: 5 }, note: 'n' }], [{ id: 'r1', anime: 5, note: 'n' }])).toBe(true)
    expect(sameFieldValue({ en: 'Hello', ru: 'Привет' }, { ru: 'Привет', en: 'Hello' })).toBe(true)
  })

  it('sees a real change', () => {
    expect(sameFieldValue('a', 'b')).toBe(false)
    expect(sameFieldValue(3, 4)).toBe(false)
    expect(sameFieldValue({ id: 4 }, 3)).toBe(false)
    expect(sameFieldValue(true, false)).toBe(false)
    expect(sameFieldValue(false, null)).toBe(false)
    expect(sameFieldValue(0, null)).toBe(false)
    expect(sameFieldValue('2024-01-02T03:04:05Z', '2024-01-02T03:04:06Z')).toBe(false)
    expect(sameFieldValue([1, 2], [2, 1])).toBe(false)
    expect(sameFieldValue([{ id: 'r1', note: 'x' }], [{ id: 'r1', note: 'y' }])).toBe(false)
    expect(sameFieldValue([{ id: 'r2', note: 'x' }], [{ id: 'r1', note: 'x' }])).toBe(false)
    expect(sameFieldValue({ relationTo: 'genres', value: 3 }, { relationTo: 'anime', value: 3 })).toBe(false)
    expect(sameFieldValue('x', null)).toBe(false)
  })
})

describe('pathOf and storedAt', () => {
  it('finds the stored counterpart of a nested submitted object, matching array rows by id', () => {
    const row = { id: 'b', note: 'two' }
    const group = { inner: 1 }
    const data = { items: [{ id: 'a', note: 'one' }, row], meta: { group } }
    const doc = { items: [row && { id: 'b', note: 'stored two' }, { id: 'a', note: 'stored one' }], meta: { group: { inner: 2 } } }
    expect(pathOf(data, row)).toEqual(['items', 1])
    expect(storedAt(data, doc, ['items', 1])).toEqual({ id: 'b', note: 'stored two' })
    expect(pathOf(data, group)).toEqual(['meta', 'group'])
    expect(storedAt(data, doc, ['meta', 'group'])).toEqual({ inner: 2 })
    expect(pathOf(data, {})).toBeUndefined()
  })
})

describe('guardFieldAccess', () => {
  const req = { locale: 'en', user: null } as unknown as PayloadRequest
  const deny: FieldAccess = () => false

  it('records a denied field whose submitted value differs, with its path', async () => {
    const guarded = guardFieldAccess(deny, { name: 'note' }, 'update')
    const row = { id: 'r1', note: 'changed' }
    const data = { items: [row] }
    expect(await guarded({ req, data, siblingData: row, doc: { items: [{ id: 'r1', note: 'before' }] } } as never)).toBe(false)
    expect(takeDeniedWrites(data)).toEqual(['items.0.note'])
  })

  it('records nothing for an unchanged value, a permission check (no siblingData) or an allowed field', async () => {
    const data = { note: 'same' }
    await guardFieldAccess(deny, { name: 'note' }, 'update')({ req, data, siblingData: data, doc: { note: 'same' } } as never)
    await guardFieldAccess(deny, { name: 'note' }, 'update')({ req, data, doc: { note: 'other' } } as never)
    await guardFieldAccess(() => true, { name: 'note' }, 'update')({ req, data, siblingData: data, doc: { note: 'x' } } as never)
    expect(takeDeniedWrites(data)).toEqual([])
  })

  it('on create lets the default value through and records anything else', async () => {
    const guarded = guardFieldAccess(deny, { name: 'count', defaultValue: () => 0 }, 'create')
    const zero = { count: 0 }
    await guarded({ req, data: zero, siblingData: zero } as never)
    expect(takeDeniedWrites(zero)).toEqual([])
    const many = { count: 9 }
    await guarded({ req, data: many, siblingData: many } as never)
    expect(takeDeniedWrites(many)).toEqual(['count'])
  })
})

describe('guardFields', () => {
  it('wraps create and update access in groups, tabs, rows, arrays and blocks, and leaves read alone', () => {
    const read: FieldAccess = () => true
    const update: FieldAccess = () => false
    const leaf = { name: 'leaf', type: 'text', access: { read, update } } as Field
    const fields: Field[] = [
      leaf,
      { name: 'group', type: 'group', fields: [leaf] },
      {
        type: 'tabs',
        tabs: [
          { label: 'A', fields: [leaf] },
          { name: 'named', fields: [leaf] },
        ],
      },
      { type: 'row', fields: [{ type: 'collapsible', label: 'c', fields: [leaf] }] },
      { name: 'rows', type: 'array', fields: [leaf] },
      { name: 'blocks', type: 'blocks', blocks: [{ slug: 'b', fields: [leaf] }] },
    ]
    const leaves: { access: { read: FieldAccess; update: FieldAccess } }[] = []
    const walk = (list: unknown[]) =>
      list.forEach((item) => {
        const field = item as Record<string, unknown>
        if (field.name === 'leaf') leaves.push(field as never)
        if (Array.isArray(field.fields)) walk(field.fields)
        if (Array.isArray(field.tabs)) walk(field.tabs)
        if (Array.isArray(field.blocks)) walk(field.blocks)
      })
    walk(guardFields(fields))
    expect(leaves).toHaveLength(7)
    for (const guarded of leaves) {
      expect(guarded.access.read).toBe(read)
      expect(guarded.access.update).not.toBe(update)
    }
    // The original config is not changed.
    expect((leaf as { access: { update: FieldAccess } }).access.update).toBe(update)
  })
})
