/**
 * Deterministic synthetic anime titles with the shapes real catalogs have: romaji phrases with
 * particles ("Shingeki no Kyojin"), English titles, kana, Russian titles for some, sequels
 * ("Season 2", "Movie", "II") and alternative titles. A fixed seed keeps runs comparable.
 */

export type Rng = () => number

/** mulberry32: small, fast, good enough for test data. */
export const createRng = (seed: number): Rng => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T
export const between = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1))

// Romaji syllables with their katakana, so the Japanese title matches the romaji one.
const SYLLABLES: readonly [string, string][] = [
  ['a', 'ア'],
  ['i', 'イ'],
  ['u', 'ウ'],
  ['e', 'エ'],
  ['o', 'オ'],
  ['ka', 'カ'],
  ['ki', 'キ'],
  ['ku', 'ク'],
  ['ke', 'ケ'],
  ['ko', 'コ'],
  ['sa', 'サ'],
  ['shi', 'シ'],
  ['su', 'ス'],
  ['se', 'セ'],
  ['so', 'ソ'],
  ['ta', 'タ'],
  ['chi', 'チ'],
  ['tsu', 'ツ'],
  ['te', 'テ'],
  ['to', 'ト'],
  ['na', 'ナ'],
  ['ni', 'ニ'],
  ['nu', 'ヌ'],
  ['ne', 'ネ'],
  ['no', 'ノ'],
  ['ha', 'ハ'],
  ['hi', 'ヒ'],
  ['fu', 'フ'],
  ['he', 'ヘ'],
  ['ho', 'ホ'],
  ['ma', 'マ'],
  ['mi', 'ミ'],
  ['mu', 'ム'],
  ['me', 'メ'],
  ['mo', 'モ'],
  ['ya', 'ヤ'],
  ['yu', 'ユ'],
  ['yo', 'ヨ'],
  ['ra', 'ラ'],
  ['ri', 'リ'],
  ['ru', 'ル'],
  ['re', 'レ'],
  ['ro', 'ロ'],
  ['wa', 'ワ'],
  ['n', 'ン'],
  ['ga', 'ガ'],
  ['gi', 'ギ'],
  ['ge', 'ゲ'],
  ['go', 'ゴ'],
  ['ji', 'ジ'],
  ['zu', 'ズ'],
  ['da', 'ダ'],
  ['do', 'ド'],
  ['ba', 'バ'],
  ['bi', 'ビ'],
  ['bo', 'ボ'],
  ['kyo', 'キョ'],
  ['shin', 'シン'],
  ['ryuu', 'リュウ'],
  ['sei', 'セイ'],
  ['kou', 'コウ'],
  ['tou', 'トウ'],
  ['jin', 'ジン'],
  ['ken', 'ケン'],
  ['yuu', 'ユウ'],
]
const PARTICLES: readonly [string, string][] = [
  ['no', 'の'],
  ['wa', 'は'],
  ['to', 'と'],
  ['ga', 'が'],
  ['de', 'で'],
]

const EN_ADJECTIVES = [
  'Ancient',
  'Silent',
  'Crimson',
  'Eternal',
  'Broken',
  'Hidden',
  'Last',
  'Blue',
  'Golden',
  'Wandering',
  'Little',
  'Forgotten',
  'Lonely',
  'Burning',
  'Frozen',
  'Secret',
  'Final',
  'Wild',
  'Holy',
  'Cursed',
  'Electric',
  'Midnight',
  'Distant',
  'Iron',
  'Scarlet',
  'Shining',
  'Fallen',
  'Radiant',
  'Hollow',
  'Crystal',
]
const EN_NOUNS = [
  'Titan',
  'Bride',
  'Sword',
  'Knight',
  'Witch',
  'Spirit',
  'Garden',
  'Academy',
  'Kingdom',
  'Dragon',
  'Alchemist',
  'Hunter',
  'Detective',
  'Demon',
  'Princess',
  'Summer',
  'Sky',
  'Ocean',
  'Festival',
  'Machine',
  'Samurai',
  'Idol',
  'Familiar',
  'Guardian',
  'Shrine',
  'Railgun',
  'Symphony',
  'Requiem',
  'Labyrinth',
  'Chronicle',
  'Horizon',
  'Phantom',
  'Voyage',
  'Orchestra',
  'Memory',
  'Promise',
  'Blossom',
  'Storm',
  'Legend',
  'Heart',
]
type Words = { a: string; n: string; n2: string }
const EN_PATTERNS: ((words: Words) => string)[] = [
  (w: Words) => `The ${w.a} ${w.n}`,
  (w: Words) => `${w.a} ${w.n}`,
  (w: Words) => `Attack on ${w.n}`,
  (w: Words) => `The ${w.n} of the ${w.a} ${w.n2}`,
  (w: Words) => `${w.n} & ${w.n2}`,
  (w: Words) => `My ${w.a} ${w.n} Can't Be This Cute`,
  (w: Words) => `${w.a} ${w.n}: ${w.n2} Arc`,
  (w: Words) => `A ${w.n} in the ${w.a} ${w.n2}`,
]
const RU_WORDS = ['Атака', 'титанов', 'Меч', 'ведьма', 'Дракон', 'Академия', 'Сад', 'Небо', 'Призрак', 'Легенда', 'Сердце', 'Лето']
const SEQUELS: readonly [string, string][] = [
  [' Season 2', ' 第2期'],
  [' 2nd Season', ' 第2期'],
  [' Season 3', ' 第3期'],
  [' Movie', ' 劇場版'],
  [' II', ' II'],
  [': Final Season', ' ファイナルシーズン'],
  [' OVA', ' OVA'],
  [' Specials', ' スペシャル'],
]

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1)

const romajiWord = (rng: Rng): [string, string] => {
  let romaji = ''
  let kana = ''
  for (let i = between(rng, 2, 4); i > 0; i--) {
    const [r, k] = pick(rng, SYLLABLES)
    romaji += r
    kana += k
  }
  return [romaji, kana]
}

export type SyntheticAnime = {
  title: string
  titleEnglish: string | null
  titleJapanese: string | null
  titleRussian: string | null
  altTitles: string[]
  kind: 'tv' | 'movie' | 'ova' | 'ona' | 'special' | 'music'
}

export const makeTitle = (rng: Rng): SyntheticAnime => {
  // Romaji: 1-3 content words joined by particles.
  const words: [string, string][] = []
  const count = between(rng, 1, 3)
  for (let i = 0; i < count; i++) {
    if (i > 0) words.push(pick(rng, PARTICLES))
    words.push(romajiWord(rng))
  }
  const particles = new Set(PARTICLES.map(([r]) => r))
  let title = words.map(([r], i) => (i > 0 && particles.has(r) && i % 2 === 1 ? r : capitalise(r))).join(' ')
  let titleJapanese: string | null = rng() < 0.8 ? words.map(([, k]) => k).join('') : null
  let titleEnglish: string | null = null
  if (rng() < 0.6) {
    const pattern = pick(rng, EN_PATTERNS)
    titleEnglish = pattern({ a: pick(rng, EN_ADJECTIVES), n: pick(rng, EN_NOUNS), n2: pick(rng, EN_NOUNS) })
  }
  let kind: SyntheticAnime['kind'] = pick(rng, ['tv', 'tv', 'tv', 'movie', 'ova', 'ona', 'special', 'music'] as const)
  if (rng() < 0.25) {
    const [suffix, jaSuffix] = pick(rng, SEQUELS)
    title += suffix
    if (titleEnglish) titleEnglish += suffix
    if (titleJapanese) titleJapanese += jaSuffix
    if (suffix === ' Movie') kind = 'movie'
  }
  const titleRussian = rng() < 0.2 ? `${pick(rng, RU_WORDS)} ${pick(rng, RU_WORDS).toLowerCase()}` : null
  const altTitles: string[] = []
  if (rng() < 0.3)
    altTitles.push(
      title
        .split(' ')
        .slice(0, 2)
        .map((w) => w.charAt(0).toUpperCase())
        .join('') + 'K',
    )
  if (rng() < 0.15) altTitles.push(`${pick(rng, EN_ADJECTIVES)} ${pick(rng, EN_NOUNS)}`)
  return { title, titleEnglish, titleJapanese, titleRussian, altTitles, kind }
}

/** Exactly what the buildSearchText hook stores: every title and alternative title, lowercased. */
export const searchTitlesOf = (anime: SyntheticAnime): string =>
  [anime.title, anime.titleEnglish, anime.titleJapanese, anime.titleRussian, ...anime.altTitles]
    .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
    .join(' \n ')
    .toLowerCase()

export const slugOf = (title: string): string =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100) || 'anime'

/** One or two letter-level typos (swap, drop, replace), never in the first letter. */
export const misspell = (rng: Rng, text: string, typos: number): string => {
  let out = text
  for (let t = 0; t < typos; t++) {
    const letters = [...out].map((ch, i) => (/[a-z]/i.test(ch) && i > 0 ? i : -1)).filter((i) => i > 0)
    if (letters.length < 2) break
    const i = pick(rng, letters)
    const op = between(rng, 0, 2)
    if (op === 0 && i + 1 < out.length) out = out.slice(0, i) + out[i + 1] + out[i] + out.slice(i + 2)
    else if (op === 1) out = out.slice(0, i) + out.slice(i + 1)
    else out = out.slice(0, i) + pick(rng, [...'aeiouknrst']) + out.slice(i + 1)
  }
  return out
}
