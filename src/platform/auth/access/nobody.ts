/**
 * Always false: for a collection, reachable only through server code with `overrideAccess` (e.g.
 * session records); for a field, kept by the server and written by nobody through the API.
 * Untyped on purpose so that it serves as both `Access` and `FieldAccess`.
 */
export const nobody = (): false => false
