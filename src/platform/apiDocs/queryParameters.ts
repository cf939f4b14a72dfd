import type { SanitizedConfig } from 'payload'

import { readLimitsOf } from '../http/readParams/readLimits'
import type { ParameterObject } from './types'

const query = (name: string, description: string, schema: ParameterObject['schema']): ParameterObject => ({
  name,
  in: 'query',
  description,
  schema,
})

/** `locale` and `fallback-locale`, from config.localization (none when the config is not localized). */
export const localeParameters = (config: SanitizedConfig): ParameterObject[] => {
  const localization = config.localization
  if (!localization) return []
  const codes = localization.localeCodes
  return [
    query('locale', `Locale of localized fields (default \`${localization.defaultLocale}\`); \`all\` returns every locale.`, {
      type: 'string',
      enum: [...codes, 'all', '*'],
    }),
    query('fallback-locale', 'Locale used where a field has no value in `locale`; `none` disables the fallback.', {
      type: 'string',
      enum: [...codes, 'none', 'null', 'false'],
    }),
  ]
}

/** Reads clamp depth to API_MAX_DEPTH; writes populate their answer up to Payload's own `maxDepth`. */
export const depthParameter = (config: SanitizedConfig, { read }: { read: boolean }): ParameterObject => {
  const maxDepth = read ? readLimitsOf(config).maxDepth : config.maxDepth
  return query('depth', `How many levels of relationships to populate (0 returns ids). Larger values are clamped to ${maxDepth}.`, {
    type: 'integer',
    minimum: 0,
    maximum: maxDepth,
  })
}

export const draftParameter = (): ParameterObject =>
  query('draft', 'Read (or save) the latest draft instead of the published version.', { type: 'boolean' })

export const whereParameter = (): ParameterObject => ({
  name: 'where',
  in: 'query',
  description:
    'Query constraints, e.g. `where[title][like]=foo` or `where[or][0][status][equals]=published`. Unknown fields or operators, values of the wrong type and NUL bytes are refused with 400.',
  style: 'deepObject',
  explode: true,
  schema: { type: 'object', additionalProperties: true },
})

const selectParameter = (): ParameterObject => ({
  name: 'select',
  in: 'query',
  description: 'Fields to return, e.g. `select[title]=true`.',
  style: 'deepObject',
  explode: true,
  schema: { type: 'object', additionalProperties: true },
})

const populateParameter = (): ParameterObject => ({
  name: 'populate',
  in: 'query',
  description: 'Fields to return of populated documents, per collection, e.g. `populate[genres][title]=true`.',
  style: 'deepObject',
  explode: true,
  schema: { type: 'object', additionalProperties: true },
})

/** What a single-document read takes. */
export const readParameters = (config: SanitizedConfig, { drafts }: { drafts: boolean }): ParameterObject[] => [
  depthParameter(config, { read: true }),
  ...localeParameters(config),
  ...(drafts ? [draftParameter()] : []),
  selectParameter(),
  populateParameter(),
]

/** What a list (`find`) takes. */
export const listParameters = (config: SanitizedConfig, { drafts }: { drafts: boolean }): ParameterObject[] => {
  const { maxLimit } = readLimitsOf(config)
  return [
    whereParameter(),
    query('limit', `Documents per page (default 10). Clamped to 1..${maxLimit}; the response's \`limit\` is the one applied.`, {
      type: 'integer',
      minimum: 1,
      maximum: maxLimit,
    }),
    query('page', 'Page number, from 1; anything else is refused with 400.', { type: 'integer', minimum: 1 }),
    query('sort', 'Field to sort by; a leading `-` sorts descending; several separated by commas. An unknown field is refused with 400.', {
      type: 'string',
    }),
    query('pagination', `\`false\` returns the matches on one page, still at most ${maxLimit}.`, { type: 'boolean' }),
    ...readParameters(config, { drafts }),
  ]
}

/** What a write (create, update) takes. */
export const writeParameters = (config: SanitizedConfig, { drafts }: { drafts: boolean }): ParameterObject[] => [
  depthParameter(config, { read: false }),
  ...localeParameters(config),
  ...(drafts ? [draftParameter()] : []),
]
