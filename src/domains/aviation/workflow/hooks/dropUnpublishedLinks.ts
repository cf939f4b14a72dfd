import type { FieldHook } from 'payload'

import { type Ref, unpublishedKeys } from '../publishedIds'
import { isStaffUser } from '../roles'

type LexicalNode = {
  type?: string
  children?: LexicalNode[]
  relationTo?: unknown
  value?: unknown
  fields?: { linkType?: unknown; doc?: { relationTo?: unknown; value?: unknown } | null }
}

const idOf = (value: unknown): string | number | null => {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : value
  return typeof id === 'string' || typeof id === 'number' ? id : null
}

/** The document a relationship node or an internal link points at. */
const refOf = (node: LexicalNode): Ref | null => {
  const target = node.type === 'relationship' ? node : node.type === 'link' && node.fields?.linkType === 'internal' ? node.fields.doc : null
  const id = idOf(target?.value)
  return target && typeof target.relationTo === 'string' && id !== null ? { relationTo: target.relationTo, id } : null
}

const collect = (node: LexicalNode, refs: Ref[]): Ref[] => {
  const ref = refOf(node)
  if (ref) refs.push(ref)
  for (const child of node.children ?? []) collect(child, refs)
  return refs
}

/** A link to a hidden document keeps its text; an embedded hidden document goes. */
const prune = (node: LexicalNode, hidden: Set<string>): LexicalNode[] => {
  const ref = refOf(node)
  const isHidden = ref !== null && hidden.has(`${ref.relationTo}:${String(ref.id)}`)
  const children = node.children?.flatMap((child) => prune(child, hidden))
  if (isHidden) return node.type === 'link' ? (children ?? []) : []
  return [children ? { ...node, children } : node]
}

/**
 * Rich text can link to or embed encyclopedia entries; for anyone but staff, those pointing at
 * unpublished documents are taken out (a link becomes its text), as publishedOnly does for
 * relationship fields.
 */
export const dropUnpublishedLinks: FieldHook = async ({ value, req }) => {
  const root = (value as { root?: LexicalNode } | null | undefined)?.root
  if (!root || isStaffUser(req.user)) return value
  const refs = collect(root, [])
  if (refs.length === 0) return value
  const hidden = await unpublishedKeys(req, refs)
  if (hidden.size === 0) return value
  return { ...(value as object), root: prune(root, hidden)[0] ?? { ...root, children: [] } }
}
