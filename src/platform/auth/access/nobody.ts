import type { Access } from 'payload'

/** Reachable only through server code with `overrideAccess` (e.g. session records). */
export const nobody: Access = () => false
