import { describe, expect, it } from 'vitest'

import { editVariants } from '@/domains/anime/search/editVariants'
import { tsqueryWithEdits } from '@/domains/anime/search/sql'

describe('editVariants', () => {
  it('swaps neighbours, drops a letter, doubles a letter, the word itself first', () => {
    const variants = editVariants('trera')
    expect(variants[0]).toBe('trera')
    expect(variants).toContain('terra')
    expect(editVariants('shingekki')).toContain('shingeki')
    expect(editVariants('atack')).toContain('attack')
    expect(editVariants('титанв')).toContain('титанвв')
    expect(new Set(variants).size).toBe(variants.length)
  })

  it('leaves words under four letters alone', () => {
    expect(editVariants('tre')).toEqual([])
    expect(editVariants('x'.repeat(30))).toEqual([])
  })
})

describe('tsqueryWithEdits', () => {
  it('ORs each long word with its variants, keeps short words, the last word a prefix', () => {
    const query = tsqueryWithEdits(['no', 'trera'], 'A')!
    expect(query.startsWith('no:A & (trera:*A | ')).toBe(true)
    expect(query).toContain('terra:A')
    expect(tsqueryWithEdits(['no', 'ga'], 'A')).toBeNull()
  })
})
