/** URL-safe slug: lowercase ASCII words joined by hyphens ("Shingeki no Kyojin!" -> "shingeki-no-kyojin"). */
export const slugify = (value: string): string =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
