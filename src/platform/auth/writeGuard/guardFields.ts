import type { Field, FieldAccess } from 'payload'

import { guardFieldAccess } from './guardFieldAccess'

type AnyField = Field & {
  name?: string
  access?: { create?: FieldAccess; update?: FieldAccess; read?: FieldAccess }
  fields?: Field[]
  tabs?: { fields: Field[] }[]
  blocks?: { fields: Field[] }[]
  defaultValue?: unknown
}

const guardAccess = (field: AnyField): AnyField['access'] => {
  const { access, name } = field
  if (!access || !name || (!access.create && !access.update)) return access
  const dataField = { name, defaultValue: field.defaultValue }
  return {
    ...access,
    ...(access.create ? { create: guardFieldAccess(access.create, dataField, 'create') } : {}),
    ...(access.update ? { update: guardFieldAccess(access.update, dataField, 'update') } : {}),
  }
}

/**
 * Copies a field tree with every `access.create`/`access.update` wrapped by guardFieldAccess,
 * through groups, named and unnamed tabs, rows, collapsibles, arrays and blocks.
 */
export const guardFields = (fields: Field[]): Field[] =>
  fields.map((original) => {
    const field = { ...(original as AnyField) }
    if (field.access) field.access = guardAccess(field)
    if (field.fields) field.fields = guardFields(field.fields)
    if (field.tabs) field.tabs = field.tabs.map((tab) => ({ ...tab, fields: guardFields(tab.fields) }))
    if (field.blocks) field.blocks = field.blocks.map((block) => ({ ...block, fields: guardFields(block.fields) }))
    return field as Field
  })
