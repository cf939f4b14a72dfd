export const ROLES = ['admin', 'editor', 'moderator', 'user'] as const
export type Role = (typeof ROLES)[number]

/** Roles that may enter the admin panel. Plain users only use the REST/GraphQL APIs. */
export const STAFF_ROLES: readonly Role[] = ['admin', 'editor', 'moderator']

/** Roles that write editorial content and media. */
export const EDITOR_ROLES: readonly Role[] = ['admin', 'editor']

/** Roles that moderate what others made and approve (publish, unpublish) editorial work. */
export const MODERATOR_ROLES: readonly Role[] = ['admin', 'moderator']

type WithRoles = { roles?: (Role | string)[] | null } | null | undefined

export const hasRole = (user: WithRoles, role: Role): boolean => Boolean(user?.roles?.includes(role))

export const hasAnyRole = (user: WithRoles, roles: readonly Role[]): boolean => roles.some((role) => hasRole(user, role))
