import { describe, expect, it } from 'vitest'

import { SLUG_MAX_LENGTH, slugify } from '@/platform/fields/slug'

describe('slugify', () => {
  it('makes lowercase ASCII words joined by hyphens', () => {
    expect(slugify('Shingeki no Kyojin!')).toBe('shingeki-no-kyojin')
    expect(slugify('  Re:Zero -- Starting Life  ')).toBe('re-zero-starting-life')
  })

  it('transliterates Cyrillic', () => {
    expect(slugify('Ту-144 «Чарджер»')).toBe('tu-144-chardzher')
    expect(slugify('ОКБ Туполева')).toBe('okb-tupoleva')
    expect(slugify('Щука и ёж')).toBe('shchuka-i-yozh')
  })

  it('drops Latin diacritics and spells out letters NFKD keeps whole', () => {
    expect(slugify('Pokémon: Mewtwo Strikes Back')).toBe('pokemon-mewtwo-strikes-back')
    expect(slugify('Straße Łódź Æther Øresund')).toBe('strasse-lodz-aether-oresund')
  })

  it('gives an empty string when nothing is left and caps the length', () => {
    expect(slugify('進撃の巨人')).toBe('')
    expect(slugify('a'.repeat(300))).toHaveLength(SLUG_MAX_LENGTH)
  })
})
