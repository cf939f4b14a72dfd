import type { FieldAccess, PayloadRequest } from 'payload'

import { recordDeniedWrite } from './deniedWrites'
import { sameFieldValue } from './sameFieldValue'
import { pathOf, storedAt } from './storedSibling'

type DataField = { name: string; defaultValue?: unknown }

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

const defaultOf = async (field: DataField, req: PayloadRequest): Promise<unknown> =>
  typeof field.defaultValue === 'function'
    ? await (field.defaultValue as (args: unknown) => unknown)({ locale: req.locale, req, user: req.user })
    : field.defaultValue

/**
 * Wraps a field's `access.create` or `access.update`. Payload strips a denied field from the write
 * and answers 200; this records the field instead when the caller actually tried to change it
 * (sent a value other than the stored one, or on create other than empty or the default), so
 * refuseForbiddenWrites can refuse the whole write. Sending a value back unchanged still passes.
 * Only writes call field access with `siblingData`; permission checks (admin panel) do not, and
 * overrideAccess skips field access altogether, so internal writes are untouched.
 */
export const guardFieldAccess = (access: FieldAccess, field: DataField, operation: 'create' | 'update'): FieldAccess =>
  async function guardedFieldAccess(args) {
    const allowed = await access(args)
    const { data, doc, req, siblingData } = args
    if (allowed || !isObject(siblingData) || !isObject(data)) return allowed
    const submitted = (siblingData as Record<string, unknown>)[field.name]
    if (submitted === undefined) return allowed
    const path = pathOf(data, siblingData) ?? []
    const stored = isObject(doc) ? storedAt(data, doc, path) : undefined
    const storedValue = isObject(stored) ? stored[field.name] : undefined
    let unchanged = sameFieldValue(submitted, storedValue)
    // On create the stored side is empty, or the document being duplicated.
    if (!unchanged && operation === 'create') {
      unchanged = sameFieldValue(submitted, await defaultOf(field, req))
    }
    if (!unchanged) recordDeniedWrite(data, [...path, field.name].join('.'))
    return allowed
  }
