const option = (value: string, label: string) => ({ value, label })

export const ANIME_KINDS = ['tv', 'movie', 'ova', 'ona', 'special', 'music'] as const
export const ANIME_STATUSES = ['upcoming', 'airing', 'finished'] as const
export const SEASONS = ['winter', 'spring', 'summer', 'fall'] as const
export const AGE_RATINGS = ['g', 'pg', 'pg13', 'r', 'r_plus', 'rx'] as const

export type AnimeKind = (typeof ANIME_KINDS)[number]
export type AnimeStatus = (typeof ANIME_STATUSES)[number]

export const kindOptions = [
  option('tv', 'TV'),
  option('movie', 'Movie'),
  option('ova', 'OVA'),
  option('ona', 'ONA'),
  option('special', 'Special'),
  option('music', 'Music'),
]
export const statusOptions = [option('upcoming', 'Upcoming'), option('airing', 'Airing'), option('finished', 'Finished')]
export const seasonOptions = [option('winter', 'Winter'), option('spring', 'Spring'), option('summer', 'Summer'), option('fall', 'Fall')]
export const ageRatingOptions = [
  option('g', 'G - All ages'),
  option('pg', 'PG - Children'),
  option('pg13', 'PG-13 - Teens 13 or older'),
  option('r', 'R - 17+'),
  option('r_plus', 'R+ - Mild nudity'),
  option('rx', 'Rx - Hentai'),
]
