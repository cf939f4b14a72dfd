import type { FlattenedField, SanitizedCollectionConfig, SanitizedConfig, SanitizedGlobalConfig } from 'payload'

/**
 * What the parameter checks need to know of a field: its name, and whether a query path may go on
 * below it. `open` fields (relationships, uploads, JSON, rich text, points, joins) end our check:
 * what follows is the related collection's business, and Payload checks it (and its access).
 */
export type FieldShape =
  | {
      name: string
      kind: LeafKind
      localized: boolean
      /** A select or radio: a PostgreSQL enum, so a compared value must be one of these. */
      options?: readonly string[]
    }
  | {
      name: string
      kind: 'open'
      localized: boolean
      /** The id type a value compared with the field itself must have (relationships to one collection). */
      valueKind?: 'serial'
      /** A point: the only kind of field the geo operators apply to. */
      point?: true
      /**
       * What Payload's PostgreSQL adapter can query on it: `json` (JSON, rich text: a jsonb column,
       * paths below it are JSON paths), `polymorphic` (a relationship or join to several
       * collections: only `.value` and `.relationTo` below it). Undefined: anything.
       */
      storage?: 'json' | 'polymorphic'
    }
  | { name: string; kind: 'nested'; localized: boolean; fields: FieldShape[] }

export type IdType = 'number' | 'text'

/** `serial`: a PostgreSQL integer id (1..2^31-1); anything else fails in the database. */
type LeafKind = 'text' | 'number' | 'serial' | 'date' | 'boolean'

/** A collection or global as the read checks see it, derived once from the sanitized config. */
export type EntityShape = {
  slug: string
  idType: IdType
  /** Ids of its version rows (Payload's own serial ids), when it has versions. */
  versionIdType: IdType
  versions: boolean
  fields: FieldShape[]
  versionFields: FieldShape[]
  locales: string[]
}

export type ReadShapes = {
  collections: ReadonlyMap<string, EntityShape>
  globals: ReadonlyMap<string, EntityShape>
}

const leaf = (name: string, kind: LeafKind, localized = false): FieldShape => ({ name, kind, localized })

type Blocks = { flattenedFields?: FlattenedField[]; fields?: unknown }

const blockFieldsOf = (field: FlattenedField, config: Pick<SanitizedConfig, 'blocks'>): FlattenedField[] | undefined => {
  if (field.type !== 'blocks') return undefined
  const references = (field.blockReferences ?? []).map((reference) =>
    typeof reference === 'string' ? config.blocks?.find((block) => block.slug === reference) : reference,
  )
  const blocks = [...(field.blocks ?? []), ...references] as (Blocks | undefined)[]
  if (blocks.some((block) => !block?.flattenedFields)) return undefined
  return blocks.flatMap((block) => block!.flattenedFields!)
}

/** Hidden fields are unknown to callers: they can be neither filtered nor sorted on. */
/** The id type of a collection, by slug (undefined: not known). */
export type IdTypeOf = (slug: string) => IdType | undefined

export const fieldShapes = (
  fields: readonly FlattenedField[],
  config: Pick<SanitizedConfig, 'blocks'>,
  idTypeOf: IdTypeOf = () => undefined,
): FieldShape[] => {
  const shapes: FieldShape[] = []
  for (const field of fields) {
    if (!('name' in field) || !field.name || ('hidden' in field && field.hidden === true)) continue
    const localized = 'localized' in field && field.localized === true
    switch (field.type) {
      case 'number':
        shapes.push({ name: field.name, kind: 'number', localized })
        break
      case 'date':
        shapes.push(leaf(field.name, 'date', localized))
        break
      case 'checkbox':
        shapes.push(leaf(field.name, 'boolean', localized))
        break
      case 'group':
      case 'array':
      case 'tab':
        shapes.push({
          name: field.name,
          kind: 'nested',
          localized,
          fields: [...fieldShapes(field.flattenedFields, config, idTypeOf), leaf('id', 'text')],
        })
        break
      case 'blocks': {
        const blockFields = blockFieldsOf(field, config)
        shapes.push(
          blockFields
            ? {
                name: field.name,
                kind: 'nested',
                localized,
                fields: [
                  ...fieldShapes(blockFields, config, idTypeOf),
                  leaf('id', 'text'),
                  leaf('blockType', 'text'),
                  leaf('blockName', 'text'),
                ],
              }
            : { name: field.name, kind: 'open', localized },
        )
        break
      }
      case 'relationship':
      case 'upload': {
        // A value compared with the relationship itself is an id of the related collection.
        const single = typeof field.relationTo === 'string' && idTypeOf(field.relationTo) === 'number'
        const polymorphic = Array.isArray(field.relationTo)
        shapes.push(
          single
            ? { name: field.name, kind: 'open', localized, valueKind: 'serial' }
            : { name: field.name, kind: 'open', localized, ...(polymorphic ? { storage: 'polymorphic' as const } : {}) },
        )
        break
      }
      case 'point':
        shapes.push({ name: field.name, kind: 'open', localized, point: true })
        break
      case 'join': {
        // Compared with ids of the joined collection, like a relationship (like/contains on it: a 500).
        const single = typeof field.collection === 'string' && idTypeOf(field.collection) === 'number'
        const polymorphic = Array.isArray(field.collection)
        shapes.push(
          single
            ? { name: field.name, kind: 'open', localized, valueKind: 'serial' }
            : { name: field.name, kind: 'open', localized, ...(polymorphic ? { storage: 'polymorphic' as const } : {}) },
        )
        break
      }
      case 'json':
      case 'richText':
        shapes.push({ name: field.name, kind: 'open', localized, storage: 'json' })
        break
      case 'select':
      case 'radio':
        shapes.push({
          name: field.name,
          kind: 'text',
          localized,
          options: field.options.map((option) => (typeof option === 'string' ? option : option.value)),
        })
        break
      default:
        shapes.push({ name: field.name, kind: 'text', localized })
    }
  }
  return shapes
}

const withId = (fields: FieldShape[], idType: IdType): FieldShape[] =>
  fields.some((field) => field.name === 'id') ? fields : [leaf('id', idType === 'number' ? 'serial' : 'text'), ...fields]

/** The columns of a version row (payload/dist/versions/buildCollectionFields.js). */
const versionRowFields = (documentFields: FieldShape[], parentIdType: IdType | undefined): FieldShape[] => [
  leaf('id', 'serial'),
  ...(parentIdType ? [leaf('parent', parentIdType === 'number' ? 'serial' : 'text')] : []),
  { name: 'version', kind: 'nested', localized: false, fields: documentFields },
  leaf('createdAt', 'date'),
  leaf('updatedAt', 'date'),
  leaf('latest', 'boolean'),
  leaf('autosave', 'boolean'),
  leaf('snapshot', 'boolean'),
  leaf('publishedLocale', 'text'),
]

const localesOf = (config: Pick<SanitizedConfig, 'localization'>): string[] => (config.localization ? config.localization.localeCodes : [])

export const collectionShape = (
  collection: SanitizedCollectionConfig,
  config: Pick<SanitizedConfig, 'blocks' | 'localization'>,
  idType: IdType,
  versionIdType: IdType,
  idTypeOf: IdTypeOf = () => undefined,
): EntityShape => {
  const fields = withId(fieldShapes(collection.flattenedFields, config, idTypeOf), idType)
  return {
    slug: collection.slug,
    idType,
    versionIdType,
    versions: Boolean(collection.versions),
    fields,
    versionFields: collection.versions ? versionRowFields(fields, idType) : [],
    locales: localesOf(config),
  }
}

export const globalShape = (
  global: SanitizedGlobalConfig,
  config: Pick<SanitizedConfig, 'blocks' | 'localization'>,
  versionIdType: IdType,
  idTypeOf: IdTypeOf = () => undefined,
): EntityShape => {
  const fields = fieldShapes(global.flattenedFields, config, idTypeOf)
  return {
    slug: global.slug,
    idType: versionIdType,
    versionIdType,
    versions: Boolean(global.versions),
    fields,
    versionFields: global.versions ? versionRowFields(fields, undefined) : [],
    locales: localesOf(config),
  }
}

/**
 * Every collection and global of the sanitized config. Ids: a collection's own id field decides
 * (`customIDType`), else the database adapter's default (serial numbers on PostgreSQL here).
 */
export const readShapesOf = (
  config: Pick<SanitizedConfig, 'blocks' | 'localization' | 'collections' | 'globals'>,
  { defaultIDType, customIDTypes }: { defaultIDType: IdType; customIDTypes: Record<string, IdType | undefined> },
): ReadShapes => {
  const idTypeOf: IdTypeOf = (slug) =>
    config.collections.some((collection) => collection.slug === slug) ? (customIDTypes[slug] ?? defaultIDType) : undefined
  return {
    collections: new Map(
      config.collections.map((collection) => [
        collection.slug,
        collectionShape(collection, config, idTypeOf(collection.slug)!, defaultIDType, idTypeOf),
      ]),
    ),
    globals: new Map(config.globals.map((global) => [global.slug, globalShape(global, config, defaultIDType, idTypeOf)])),
  }
}
