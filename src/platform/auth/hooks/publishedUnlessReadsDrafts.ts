import type { Access, CollectionBeforeOperationHook } from 'payload'

/**
 * Enforces a policy's `readDrafts` (Payload 3.90 has no such operation). `?draft=true` (REST,
 * GraphQL `draft: true`, Local API `draft`) reads the versions table, where drafts live: whoever
 * `readDrafts` refuses reads published documents whatever they ask for (a published document with
 * a pending draft stays readable, as published). Server code reading with access overridden (the
 * Local API default) keeps its `draft`.
 */
export const publishedUnlessReadsDrafts =
  (readDrafts: Access): CollectionBeforeOperationHook =>
  async ({ args, operation, overrideAccess, req }) => {
    if (operation !== 'read' && operation !== 'count') return args
    const readArgs = args as { draft?: boolean }
    if (!readArgs.draft || overrideAccess) return args
    if ((await readDrafts({ req })) === true) return args
    return { ...args, draft: false }
  }
