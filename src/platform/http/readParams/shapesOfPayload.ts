import type { Payload } from 'payload'

import { readShapesOf, type EntityShape, type IdType, type ReadShapes } from './collectionShape'

const shapes = new WeakMap<Payload, ReadShapes>()

/** The shapes of this Payload instance's collections and globals, derived once. */
export const readShapesOfPayload = (payload: Payload): ReadShapes => {
  let known = shapes.get(payload)
  if (!known) {
    const customIDTypes = Object.fromEntries(
      Object.entries(payload.collections).map(([slug, collection]) => [slug, collection.customIDType as IdType | undefined]),
    )
    known = readShapesOf(payload.config, { defaultIDType: payload.db.defaultIDType as IdType, customIDTypes })
    shapes.set(payload, known)
  }
  return known
}

export const collectionShapeFor = (payload: Payload, slug: string): EntityShape | undefined =>
  readShapesOfPayload(payload).collections.get(slug)
