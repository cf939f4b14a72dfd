import type { CollectionAfterReadHook, CollectionBeforeOperationHook, Where } from 'payload'

import { type ReadRecordingRule, dependenciesGeneration, documentGeneration } from '../cacheDependencies'
import { addReadDependencies, isRecordingReadDependencies, markAsReadRecording } from '../readDependencies'

type Id = string | number

/** The ids a `where` restricts a query to when it names nothing but ids (Payload's DataLoader: `{ id: { in } }`). */
const idsOnly = (where: Where | undefined): Id[] | undefined => {
  if (!where) return undefined
  const keys = Object.keys(where)
  if (keys.length !== 1 || keys[0] !== 'id') return undefined
  const condition = where.id as Record<string, unknown> | undefined
  if (!condition || Object.keys(condition).length !== 1) return undefined
  if ('equals' in condition && (typeof condition.equals === 'string' || typeof condition.equals === 'number')) return [condition.equals]
  if ('in' in condition && Array.isArray(condition.in) && condition.in.every((id) => typeof id === 'string' || typeof id === 'number'))
    return condition.in as Id[]
  return undefined
}

/** A document's generations by the id as asked (`'007'`) and as stored (`7`): changes name it by the latter. */
const generationsOfId = (collection: string, id: Id): string[] => {
  const asked = String(id)
  const numeric = /^\d{1,15}$/.test(asked) ? String(Number(asked)) : asked
  return numeric === asked
    ? [documentGeneration(collection, asked)]
    : [documentGeneration(collection, asked), documentGeneration(collection, numeric)]
}

/**
 * Before a read of `collection` inside a response whose dependencies are recorded: the documents it
 * asks for by id (the response's own document, and every one it populates, found or not: a draft
 * or a missing document shows as its id or null, and publishing it must refresh the response), or,
 * for a query that is not by id (its result changes with any document), a generation that every
 * change to the collection bumps.
 */
export const recordReadTargets =
  (collection: string, { anyChange }: ReadRecordingRule): CollectionBeforeOperationHook =>
  ({ args, operation }) => {
    if (!isRecordingReadDependencies() || ['create', 'update', 'delete'].includes(operation)) return args
    const { id, where, draft } = args as { id?: Id; where?: Where; draft?: boolean }
    const ids = operation !== 'read' || draft ? undefined : id !== undefined && id !== null ? [id] : idsOnly(where)
    if (ids) addReadDependencies(...ids.flatMap((one) => generationsOfId(collection, one)))
    else addReadDependencies(anyChange)
    return args
  }

/**
 * After a document of `collection` is read inside a response whose dependencies are recorded (the
 * response's own document, or one it populates, rich-text links included): its own generation, the
 * deletion generations of what it references, and its collection's dependencies generation when what it shows goes beyond its own values (a join's
 * members are in the response, or its read hooks look other documents up).
 */
export const recordReadDocument = (
  collection: string,
  { joinKeys, hooksLookUp, deletions }: ReadRecordingRule,
): CollectionAfterReadHook => {
  const hook: CollectionAfterReadHook = ({ doc }) => {
    if (!isRecordingReadDependencies()) return doc
    const record = doc as Record<string, unknown> & { id?: Id }
    if (record.id !== undefined && record.id !== null) addReadDependencies(documentGeneration(collection, String(record.id)))
    // Deleting a document it references changes it without a change of its own (see deletionGeneration).
    addReadDependencies(...deletions)
    // Without an id (a `select` left it out) the document is still the one asked for by id, or a query's.
    if (hooksLookUp || joinKeys.some((key) => record[key] !== undefined)) addReadDependencies(dependenciesGeneration(collection))
    return doc
  }
  return markAsReadRecording(hook)
}
