import type { Plugin } from 'payload'

import { refuseLocalizedJoinSort } from './refuseLocalizedJoinSort'

/** Puts refuseLocalizedJoinSort in front of every collection's operations (a no-op without joins). */
export const localizedJoinSortPlugin = (): Plugin => (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: { ...collection.hooks, beforeOperation: [refuseLocalizedJoinSort, ...(collection.hooks?.beforeOperation ?? [])] },
  })),
})
