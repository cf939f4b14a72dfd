export { SLUG_MAX_LENGTH, slugify } from './slugify'
export { slugField, slugFrom, type SlugFieldOptions } from './slugField'
export { uniqueSlug } from './uniqueSlug'
