import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

/** The id of the first document whose `field` equals `value`, or undefined: a seed's upsert key. */
export const findIdBy = async (
  payload: Payload,
  collection: CollectionSlug,
  field: string,
  value: string,
  req?: PayloadRequest,
): Promise<number | string | undefined> => {
  const found = await payload.find({
    collection,
    where: { [field]: { equals: value } },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return found.docs[0]?.id
}
