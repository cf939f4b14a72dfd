import { Forbidden, type CollectionSlug } from 'payload'
import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import { gradientImage, uploadForm } from '../../../helpers/images'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

/**
 * The access matrix: every role (and anonymous) x every collection x create/read/update/delete,
 * over REST, GraphQL and the Local API acting for the user (`overrideAccess: false`). The tables
 * below are the policy; the drivers carry each cell out and report whether it was allowed, and
 * check that a denied call changed nothing and an allowed one did what it said.
 */

type Role = 'anonymous' | 'user' | 'moderator' | 'editor' | 'admin'
type Op = 'create' | 'read' | 'update' | 'delete'
type Protocol = 'rest' | 'graphql' | 'local'
type Slug = 'users' | 'media' | 'avatars' | 'auth-sessions'
type Id = number

const ROLES: Role[] = ['anonymous', 'user', 'moderator', 'editor', 'admin']
const SIGNED_IN: Role[] = ['user', 'moderator', 'editor', 'admin']
const OPS: Op[] = ['create', 'read', 'update', 'delete']
const PROTOCOLS: Protocol[] = ['rest', 'graphql', 'local']
const PASSWORD = 'correct-horse-battery-1'

/** Who may do what to a document that is not their own (for users: another account). */
const MATRIX: Record<Slug, Record<Op, Role[]>> = {
  // Accounts: created (with roles) and managed by admins only; any signed-in user sees public profiles.
  users: { create: ['admin'], read: SIGNED_IN, update: ['admin'], delete: ['admin'] },
  // Editorial media: everyone reads, editors and admins manage.
  media: { create: ['editor', 'admin'], read: ROLES, update: ['editor', 'admin'], delete: ['editor', 'admin'] },
  // User-made: anyone reads, any signed-in user uploads their own, moderators and admins moderate.
  avatars: { create: SIGNED_IN, read: ROLES, update: ['moderator', 'admin'], delete: ['moderator', 'admin'] },
  // Session records: only server code with overrideAccess, never through the API, not even for admins.
  'auth-sessions': { create: [], read: [], update: [], delete: [] },
}

/** What the same roles may do to their own document. */
const OWN: Partial<Record<Slug, Partial<Record<Op, Role[]>>>> = {
  users: { read: SIGNED_IN, update: SIGNED_IN, delete: SIGNED_IN },
  avatars: { update: SIGNED_IN, delete: SIGNED_IN },
}

/** Never in any response, for anyone. */
const SECRET_KEYS = ['hash', 'salt', 'resetPasswordToken', 'resetPasswordExpiration', 'loginAttempts', 'lockUntil']

let ctx: PayloadInt
const actors = {} as Record<Exclude<Role, 'anonymous'>, User>
const tokens = {} as Record<Exclude<Role, 'anonymous'>, string>
/** The account whose documents the others act on. */
let victim: User
let serial = 0
const unique = (label: string) => `${label}-${Date.now().toString(36)}-${(serial += 1)}`

const pool = () => (ctx.payload.db as unknown as { pool: Pool }).pool
const tokenOf = (role: Role) => (role === 'anonymous' ? undefined : tokens[role])
const userOf = (role: Role) => (role === 'anonymous' ? undefined : actors[role])

const createAccount = async (label: string, roles: User['roles']): Promise<User> => {
  const user = await ctx.payload.create({
    collection: 'users',
    data: { email: `${unique(label)}@example.com`, password: PASSWORD, roles },
    overrideAccess: true,
  })
  return { ...user, collection: 'users' } as User
}

const login = (user: User) => ctx.rest.login(user.email, PASSWORD)

const smallPng = () => gradientImage(48, 48, 'png')

// ---------------------------------------------------------------------------------------------
// Responses are scanned for secrets wherever they come from.
// ---------------------------------------------------------------------------------------------

/** Fails on any secret key anywhere in `value`, or on another user's sessions. */
const expectNoSecrets = (value: unknown, selfId: Id | undefined, where: string) => {
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) return node.forEach((item, index) => walk(item, `${path}[${index}]`))
    if (!node || typeof node !== 'object') return
    const record = node as Record<string, unknown>
    for (const key of SECRET_KEYS) {
      if (key in record) expect(record[key] ?? null, `${where}: ${path}.${key}`).toBeNull()
    }
    if (Array.isArray(record.sessions) && record.sessions.length > 0) {
      expect(record.id, `${where}: ${path}.sessions belong to someone else`).toBe(selfId)
    }
    for (const [key, child] of Object.entries(record)) walk(child, `${path}.${key}`)
  }
  walk(value, '$')
}

const json = async (response: Response, role: Role, where: string): Promise<Record<string, unknown>> => {
  const text = await response.text()
  const body = text ? (JSON.parse(text) as Record<string, unknown>) : {}
  expectNoSecrets(body, userOf(role)?.id, where)
  return body
}

const rest = async (role: Role, method: 'get' | 'post' | 'patch' | 'delete', path: string, body?: FormData | object) => {
  const init: RequestInit & { token?: string } = { method: method.toUpperCase(), token: tokenOf(role) }
  if (body instanceof FormData) init.body = body
  else if (body) {
    init.body = JSON.stringify(body)
    init.headers = { 'Content-Type': 'application/json' }
  }
  const response = await ctx.rest[method](path, init)
  return { status: response.status, body: await json(response, role, `${role} ${method.toUpperCase()} ${path}`) }
}

type GraphQLResult = {
  data?: Record<string, unknown> | null
  errors?: { message: string; extensions?: { name?: string; statusCode?: number } }[]
}

const graphql = async (role: Role, query: string): Promise<GraphQLResult> => {
  const token = tokenOf(role)
  const response = await ctx.rest.graphql(query, token ? { headers: { Authorization: `JWT ${token}` } } : {})
  return (await json(response, role, `${role} GraphQL ${query}`)) as GraphQLResult
}

// ---------------------------------------------------------------------------------------------
// Outcomes: every call is either allowed or denied (403 / Forbidden); anything else fails the test.
// ---------------------------------------------------------------------------------------------

/** `needs file`: an upload create over GraphQL, which has no way to send the file. */
type Outcome = 'allowed' | 'denied' | 'needs file'

const restOutcome = ({ status, body }: { status: number; body: unknown }, where: string): Outcome => {
  if (status >= 200 && status < 300) return 'allowed'
  if (status === 403) return 'denied'
  throw new Error(`${where}: unexpected ${status} ${JSON.stringify(body)}`)
}

const isForbidden = (result: GraphQLResult) =>
  Boolean(result.errors?.length) && result.errors!.every((error) => error.extensions?.statusCode === 403)

const graphqlOutcome = (result: GraphQLResult, field: string, where: string): Outcome => {
  if (!result.errors?.length && result.data?.[field]) return 'allowed'
  if (isForbidden(result)) return 'denied'
  throw new Error(`${where}: unexpected ${JSON.stringify(result)}`)
}

const localOutcome = async (run: () => Promise<unknown>, where: string): Promise<Outcome> => {
  try {
    await run()
    return 'allowed'
  } catch (error) {
    if (error instanceof Forbidden) return 'denied'
    throw new Error(`${where}: unexpected ${String(error)}`)
  }
}

// ---------------------------------------------------------------------------------------------
// One driver per collection: how to make a document, and how to create/read/update/delete it.
// ---------------------------------------------------------------------------------------------

type Driver = {
  /** A document belonging to `owner` (for users: a fresh account). */
  fixture: (owner: User) => Promise<Id>
  exists: (id: Id) => Promise<boolean>
  /** The value `update` writes, read back from the database. */
  marker: (id: Id) => Promise<unknown>
  count: () => Promise<number>
  graphQL?: { single: string; list: string; create: string; update: string; remove: string }
  createData: () => Promise<{ rest: FormData | object; graphql: string; local: Record<string, unknown>; file?: Buffer }>
  updateData: (value: string) => { rest: object; graphql: string; local: Record<string, unknown> }
  /** GraphQL has no file transport: upload collections never create over it (see expectedOutcome). */
  graphQLCreateNeedsFile?: boolean
  /** The missing file is refused before access is checked (beforeOperation runs first). */
  fileCheckedBeforeAccess?: boolean
}

const findOne = async (collection: CollectionSlug, id: Id) => {
  const found = await ctx.payload.find({
    collection,
    where: { id: { equals: id } },
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  return found as unknown as { totalDocs: number; docs: Record<string, unknown>[] }
}

const drivers: Record<Slug, Driver> = {
  users: {
    fixture: async () => (await createAccount('target', ['user'])).id,
    exists: async (id) => (await findOne('users', id)).totalDocs === 1,
    marker: async (id) => (await findOne('users', id)).docs[0]?.name,
    count: async () => (await ctx.payload.count({ collection: 'users', overrideAccess: true })).totalDocs,
    graphQL: { single: 'User', list: 'Users', create: 'createUser', update: 'updateUser', remove: 'deleteUser' },
    createData: async () => {
      const email = `${unique('created')}@example.com`
      return {
        rest: { email, password: PASSWORD },
        graphql: `{ email: "${email}", password: "${PASSWORD}" }`,
        local: { email, password: PASSWORD },
      }
    },
    updateData: (value) => ({ rest: { name: value }, graphql: `{ name: "${value}" }`, local: { name: value } }),
  },
  media: {
    fixture: async () =>
      (
        await ctx.payload.create({
          collection: 'media',
          data: { alt: 'fixture' },
          file: await pngFile('fixture.png'),
          overrideAccess: true,
        })
      ).id,
    exists: async (id) => (await findOne('media', id)).totalDocs === 1,
    marker: async (id) => (await findOne('media', id)).docs[0]?.alt,
    count: async () => (await ctx.payload.count({ collection: 'media', overrideAccess: true })).totalDocs,
    graphQL: { single: 'MediaItem', list: 'Media', create: 'createMediaItem', update: 'updateMediaItem', remove: 'deleteMediaItem' },
    createData: async () => {
      const file = await smallPng()
      return {
        rest: uploadForm({ data: file, name: 'new.png', type: 'image/png' }, { alt: 'new' }),
        graphql: `{ alt: "new" }`,
        local: { alt: 'new' },
        file,
      }
    },
    updateData: (value) => ({ rest: { alt: value }, graphql: `{ alt: "${value}" }`, local: { alt: value } }),
    graphQLCreateNeedsFile: true,
    // verifyImageContent({ requireFile }) refuses a create without a file, for everyone.
    fileCheckedBeforeAccess: true,
  },
  avatars: {
    fixture: async (owner) =>
      (
        await ctx.payload.create({
          collection: 'avatars',
          data: { owner: owner.id },
          file: await pngFile('fixture.png'),
          overrideAccess: true,
        })
      ).id,
    exists: async (id) => (await findOne('avatars', id)).totalDocs === 1,
    // Avatars have no editable field but the admin-only owner: an update is seen in updatedAt.
    marker: async (id) => (await findOne('avatars', id)).docs[0]?.updatedAt,
    count: async () => (await ctx.payload.count({ collection: 'avatars', overrideAccess: true })).totalDocs,
    graphQL: { single: 'Avatar', list: 'Avatars', create: 'createAvatar', update: 'updateAvatar', remove: 'deleteAvatar' },
    createData: async () => {
      const file = await smallPng()
      return { rest: uploadForm({ data: file, name: 'new.png', type: 'image/png' }, {}), graphql: '{}', local: {}, file }
    },
    updateData: () => ({ rest: {}, graphql: '{}', local: {} }),
    graphQLCreateNeedsFile: true,
    // verifyImageContent({ requireFile }) refuses a create without a file, for everyone.
    fileCheckedBeforeAccess: true,
  },
  'auth-sessions': {
    fixture: async (owner) =>
      (
        await ctx.payload.create({
          collection: 'auth-sessions',
          data: {
            sid: unique('sid'),
            user: owner.id,
            refreshTokenHash: unique('hash'),
            refreshExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          },
          overrideAccess: true,
        })
      ).id,
    exists: async (id) => (await findOne('auth-sessions', id)).totalDocs === 1,
    marker: async (id) => (await findOne('auth-sessions', id)).docs[0]?.userAgent,
    count: async () => (await ctx.payload.count({ collection: 'auth-sessions', overrideAccess: true })).totalDocs,
    createData: async () => {
      const data = {
        sid: unique('sid'),
        user: victim.id,
        refreshTokenHash: unique('hash'),
        refreshExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      }
      return { rest: data, graphql: '', local: data }
    },
    updateData: (value) => ({ rest: { userAgent: value }, graphql: '', local: { userAgent: value } }),
  },
}

const pngFile = async (name: string) => {
  const data = await smallPng()
  return { data, name, mimetype: 'image/png', size: data.length }
}

/**
 * Carries out one cell: `role` does `op` over `protocol` on a document of `owner`'s. Checks the
 * database agrees with the outcome, and returns it.
 */
const perform = async (slug: Slug, op: Op, role: Role, protocol: Protocol, owner: User): Promise<Outcome> => {
  const driver = drivers[slug]
  const where = `${role} ${op} ${slug} over ${protocol}`
  const user = userOf(role)
  const names = driver.graphQL

  if (op === 'create') {
    const before = await driver.count()
    const data = await driver.createData()
    let outcome: Outcome
    if (protocol === 'rest') {
      outcome = restOutcome(await rest(role, 'post', `/${slug}`, data.rest), where)
    } else if (protocol === 'graphql') {
      const result = await graphql(role, `mutation { ${names!.create}(data: ${data.graphql}) { id } }`)
      if (driver.graphQLCreateNeedsFile && !isForbidden(result)) {
        // The missing file stops it: nothing is ever created over GraphQL.
        expect(result.errors?.[0]?.message, where).toMatch(/no files were uploaded|the following field is invalid: file/i)
        outcome = 'needs file'
      } else {
        outcome = graphqlOutcome(result, names!.create, where)
      }
    } else {
      outcome = await localOutcome(
        () =>
          ctx.payload.create({
            collection: slug,
            data: data.local as never,
            ...(data.file ? { file: { data: data.file, name: 'new.png', mimetype: 'image/png', size: data.file.length } } : {}),
            user,
            overrideAccess: false,
          }),
        where,
      )
    }
    const created = outcome === 'allowed' ? 1 : 0
    expect(await driver.count(), `${where}: documents created`).toBe(before + created)
    return outcome
  }

  const id = await driver.fixture(owner)

  if (op === 'read') {
    if (protocol === 'rest') {
      const single = restOutcome(await rest(role, 'get', `/${slug}/${id}`), where)
      const list = restOutcome(await rest(role, 'get', `/${slug}?depth=1&limit=100`), where)
      expect(list, `${where}: list and single agree`).toBe(single)
      return single
    }
    if (protocol === 'graphql') {
      const single = graphqlOutcome(await graphql(role, `{ ${names!.single}(id: ${id}) { id } }`), names!.single, where)
      const list = graphqlOutcome(await graphql(role, `{ ${names!.list} { totalDocs } }`), names!.list, where)
      expect(list, `${where}: list and single agree`).toBe(single)
      return single
    }
    const single = await localOutcome(() => ctx.payload.findByID({ collection: slug, id, user, overrideAccess: false }), where)
    const list = await localOutcome(() => ctx.payload.find({ collection: slug, user, overrideAccess: false }), where)
    expect(list, `${where}: list and single agree`).toBe(single)
    return single
  }

  if (op === 'update') {
    const before = await driver.marker(id)
    // Timestamps are to the millisecond: make sure an update shows.
    await new Promise((resolve) => setTimeout(resolve, 5))
    const data = driver.updateData(unique(`changed-by-${role}`))
    let outcome: Outcome
    if (protocol === 'rest') outcome = restOutcome(await rest(role, 'patch', `/${slug}/${id}`, data.rest), where)
    else if (protocol === 'graphql') {
      const result = await graphql(role, `mutation { ${names!.update}(id: ${id}, data: ${data.graphql}) { id } }`)
      outcome = graphqlOutcome(result, names!.update, where)
    } else {
      outcome = await localOutcome(
        () => ctx.payload.update({ collection: slug, id, data: data.local as never, user, overrideAccess: false }),
        where,
      )
    }
    const after = await driver.marker(id)
    if (outcome === 'allowed') expect(after, `${where}: changed`).not.toEqual(before)
    else expect(after, `${where}: unchanged`).toEqual(before)
    return outcome
  }

  let outcome: Outcome
  if (protocol === 'rest') outcome = restOutcome(await rest(role, 'delete', `/${slug}/${id}`), where)
  else if (protocol === 'graphql')
    outcome = graphqlOutcome(await graphql(role, `mutation { ${names!.remove}(id: ${id}) { id } }`), names!.remove, where)
  else outcome = await localOutcome(() => ctx.payload.delete({ collection: slug, id, user, overrideAccess: false }), where)
  expect(await driver.exists(id), `${where}: still there`).toBe(outcome === 'denied')
  return outcome
}

beforeAll(async () => {
  ctx = await initPayloadInt('access_matrix', { S3_BUCKET: '', RATE_LIMIT_AUTH_PER_IP: '1000' })
  // Made deliberately first: the first account becomes admin anyway.
  actors.admin = await createAccount('admin', ['admin'])
  actors.editor = await createAccount('editor', ['editor'])
  actors.moderator = await createAccount('moderator', ['moderator'])
  actors.user = await createAccount('user', ['user'])
  victim = await createAccount('victim', ['user'])
  for (const role of SIGNED_IN) tokens[role as Exclude<Role, 'anonymous'>] = await login(actors[role as Exclude<Role, 'anonymous'>])
  expect(actors.admin.roles).toEqual(['admin'])
  expect(actors.user.roles).toEqual(['user'])
})

afterAll(async () => {
  try {
    // Deleting the documents deletes their files from media/ and media/avatars/.
    await ctx?.payload.delete({ collection: 'avatars', where: { id: { exists: true } }, overrideAccess: true })
    await ctx?.payload.delete({ collection: 'media', where: { id: { exists: true } }, overrideAccess: true })
  } finally {
    await ctx?.cleanup()
  }
})

/** What a cell should come to: the table's word, except for upload creates over GraphQL. */
const expectedOutcome = (slug: Slug, op: Op, role: Role, protocol: Protocol, allowed: Role[]): Outcome => {
  const driver = drivers[slug]
  if (protocol === 'graphql' && op === 'create' && driver.graphQLCreateNeedsFile) {
    // Allowed roles get as far as the missing file; where the file is checked first, everyone does.
    return allowed.includes(role) || driver.fileCheckedBeforeAccess ? 'needs file' : 'denied'
  }
  return allowed.includes(role) ? 'allowed' : 'denied'
}

describe.each(Object.keys(MATRIX) as Slug[])('%s: on someone else’s document', (slug) => {
  const protocols = drivers[slug].graphQL ? PROTOCOLS : PROTOCOLS.filter((protocol) => protocol !== 'graphql')
  it.each(OPS)('%s: each role, over each protocol, as the table says', async (op) => {
    const expected: string[] = []
    const actual: string[] = []
    for (const protocol of protocols) {
      for (const role of ROLES) {
        expected.push(`${protocol} ${role}: ${expectedOutcome(slug, op, role, protocol, MATRIX[slug][op])}`)
        actual.push(`${protocol} ${role}: ${await perform(slug, op, role, protocol, victim)}`)
      }
    }
    expect(actual).toEqual(expected)
  })
})

describe.each(Object.keys(OWN) as Slug[])('%s: on one’s own document', (slug) => {
  it.each(Object.keys(OWN[slug]!) as Op[])('%s: each role, over each protocol, as the table says', async (op) => {
    const expected: string[] = []
    const actual: string[] = []
    for (const protocol of PROTOCOLS) {
      for (const role of SIGNED_IN) {
        const key = role as Exclude<Role, 'anonymous'>
        // Users act on their own account (a fresh one when it is to be deleted), others on an avatar of theirs.
        let owner = actors[key]
        if (slug === 'users' && op === 'delete') {
          owner = await createAccount(`self-${role}`, [key])
          const saved = { user: actors[key], token: tokens[key] }
          actors[key] = owner
          tokens[key] = await login(owner)
          try {
            actual.push(`${protocol} ${role}: ${await performOwn(slug, op, role, protocol, owner)}`)
          } finally {
            actors[key] = saved.user
            tokens[key] = saved.token
          }
        } else {
          actual.push(`${protocol} ${role}: ${await performOwn(slug, op, role, protocol, owner)}`)
        }
        expected.push(`${protocol} ${role}: ${expectedOutcome(slug, op, role, protocol, OWN[slug]![op]!)}`)
      }
    }
    expect(actual).toEqual(expected)
  })
})

/** For users, the document is the account itself rather than a fixture. */
const performOwn = async (slug: Slug, op: Op, role: Role, protocol: Protocol, owner: User): Promise<Outcome> => {
  if (slug !== 'users') return perform(slug, op, role, protocol, owner)
  const original = drivers.users.fixture
  drivers.users.fixture = async () => owner.id
  try {
    return await perform(slug, op, role, protocol, owner)
  } finally {
    drivers.users.fixture = original
  }
}

describe('GraphQL', () => {
  it('has no auth-sessions at all', async () => {
    const result = await graphql('admin', '{ AuthSessions { docs { id } } }')
    expect(result.errors?.[0]?.message).toMatch(/Cannot query field "AuthSessions"/)
    const types = await graphql('admin', '{ __schema { types { name } } }')
    const names = ((types.data?.__schema as { types: { name: string }[] }).types ?? []).map((type) => type.name)
    expect(names.filter((name) => /authsession/i.test(name))).toEqual([])
  })
})

describe('other users’ data', () => {
  it('shows others only a public profile (no email, no roles) over REST and GraphQL; admins and the user themself see more', async () => {
    const other = victim
    for (const role of SIGNED_IN) {
      const self = actors[role as Exclude<Role, 'anonymous'>]
      const seesPrivate = role === 'admin'

      const single = await rest(role, 'get', `/users/${other.id}`)
      expect(single.status).toBe(200)
      expect(single.body.name !== undefined, role).toBe(true)
      expect(single.body.email, role).toBe(seesPrivate ? other.email : undefined)
      expect(single.body.roles, role).toEqual(seesPrivate ? ['user'] : undefined)

      const list = await rest(role, 'get', '/users?limit=100&depth=0')
      for (const doc of list.body.docs as (User & { id: Id })[]) {
        const own = doc.id === self.id
        expect(doc.email !== undefined, `${role} sees email of ${doc.id}`).toBe(own || seesPrivate)
        expect(doc.roles !== undefined, `${role} sees roles of ${doc.id}`).toBe(own || seesPrivate)
      }

      const own = await rest(role, 'get', `/users/${self.id}`)
      expect([own.body.email, own.body.roles]).toEqual([self.email, self.roles])

      const result = await graphql(
        role,
        `{ other: User(id: ${other.id}) { id name email roles } own: User(id: ${self.id}) { id email roles } all: Users(limit: 100) { docs { id email } } }`,
      )
      expect(result.errors, role).toBeUndefined()
      expect(result.data?.other, role).toEqual({
        id: other.id,
        name: null,
        email: seesPrivate ? other.email : null,
        roles: seesPrivate ? ['user'] : null,
      })
      expect(result.data?.own, role).toEqual({ id: self.id, email: self.email, roles: self.roles })
      for (const doc of (result.data?.all as { docs: { id: Id; email: string | null }[] }).docs) {
        expect(doc.email !== null, `${role} sees email of ${doc.id} in GraphQL`).toBe(doc.id === self.id || seesPrivate)
      }
    }
  })

  it('never returns hashes, salts, reset tokens, lock counters or another user’s sessions', async () => {
    // Give the victim a reset token and a session, so there is something to leak.
    await pool().query(
      `update users set reset_password_token = 'victim-reset-token', reset_password_expiration = now() + interval '1 hour', login_attempts = 2 where id = $1`,
      [victim.id],
    )
    const victimToken = await login(victim)
    expect(victimToken).toBeTruthy()

    for (const role of SIGNED_IN) {
      const self = actors[role as Exclude<Role, 'anonymous'>]
      // The REST calls check every body with expectNoSecrets.
      await rest(role, 'get', `/users/${victim.id}`)
      await rest(role, 'get', '/users?limit=100')
      await rest(role, 'get', '/users/me')
      await rest(role, 'get', `/users/${victim.id}?select[hash]=true&select[salt]=true&select[sessions]=true`)
      await rest(role, 'get', `/users/${victim.id}?showHiddenFields=true`)
      await rest(role, 'get', '/avatars?depth=2')

      const result = await graphql(
        role,
        `{ other: User(id: ${victim.id}) { id hash salt resetPasswordToken resetPasswordExpiration loginAttempts lockUntil sessions { id } }
           own: User(id: ${self.id}) { id hash salt resetPasswordToken resetPasswordExpiration loginAttempts lockUntil sessions { id } }
           meUser { user { id hash salt resetPasswordToken loginAttempts lockUntil } } }`,
      )
      expect(result.errors, role).toBeUndefined()
      const other = result.data?.other as Record<string, unknown>
      expect(other.sessions ?? [], role).toEqual([])
      for (const key of SECRET_KEYS) {
        expect(other[key], `${role} other.${key}`).toBeNull()
        expect((result.data?.own as Record<string, unknown>)[key], `${role} own.${key}`).toBeNull()
      }
    }
    // Nor for anyone querying on them: no oracle for guessing a hash or an email.
    for (const query of [
      '/users?where[hash][exists]=true',
      '/users?where[salt][like]=a',
      '/users?where[resetPasswordToken][equals]=victim-reset-token',
      '/users?where[loginAttempts][equals]=2',
      '/users?where[sessions.id][exists]=true',
      `/users?where[email][equals]=${encodeURIComponent(victim.email)}`,
      '/users?where[roles][in]=admin',
      '/users?sort=email',
      `/avatars?where[owner.email][equals]=${encodeURIComponent(victim.email)}`,
    ]) {
      for (const role of ['user', 'moderator', 'editor'] as Role[]) {
        const response = await rest(role, 'get', query)
        expect(response.status, `${role} ${query}`).toBe(400)
      }
    }
  })

  it('refuses a user changing another user, over REST, GraphQL and the Local API', async () => {
    for (const role of ['user', 'moderator', 'editor'] as Role[]) {
      const patch = await rest(role, 'patch', `/users/${victim.id}`, { name: 'hijacked', email: 'hijacked@example.com', roles: ['admin'] })
      expect(patch.status, role).toBe(403)
      const result = await graphql(
        role,
        `mutation { updateUser(id: ${victim.id}, data: { name: "hijacked", password: "${PASSWORD}-2" }) { id } }`,
      )
      expect(isForbidden(result), role).toBe(true)
      await expect(
        ctx.payload.update({ collection: 'users', id: victim.id, data: { name: 'hijacked' }, user: userOf(role), overrideAccess: false }),
      ).rejects.toBeInstanceOf(Forbidden)
    }
    const stored = await ctx.payload.findByID({ collection: 'users', id: victim.id, overrideAccess: true })
    expect([stored.name ?? null, stored.email, stored.roles]).toEqual([null, victim.email, ['user']])
    // The victim's password still works.
    expect(await login(victim)).toBeTruthy()
  })

  it('refuses unlocking someone else’s account to anyone but an admin', async () => {
    await pool().query(`update users set login_attempts = 99, lock_until = now() + interval '1 hour' where id = $1`, [victim.id])
    const lockState = async () =>
      (
        await pool().query<{ login_attempts: string; locked: boolean }>(
          'select login_attempts, lock_until > now() as locked from users where id = $1',
          [victim.id],
        )
      ).rows[0]

    for (const role of ['anonymous', 'user', 'moderator', 'editor'] as Role[]) {
      const response = await rest(role, 'post', '/users/unlock', { email: victim.email })
      expect(response.status, role).toBe(403)
      const result = await graphql(role, `mutation { unlockUser(email: "${victim.email}") }`)
      expect(isForbidden(result), `${role} ${JSON.stringify(result)}`).toBe(true)
      await expect(
        ctx.payload.unlock({
          collection: 'users',
          data: { email: victim.email } as never,
          req: { user: userOf(role) ? { ...userOf(role)!, collection: 'users' } : null },
          overrideAccess: false,
        }),
      ).rejects.toBeInstanceOf(Forbidden)
      expect(await lockState(), role).toEqual({ login_attempts: '99', locked: true })
    }
    // An unknown address answers the same: unlocking is no way to learn who has an account.
    expect((await rest('user', 'post', '/users/unlock', { email: 'nobody@example.com' })).status).toBe(403)

    expect((await rest('admin', 'post', '/users/unlock', { email: victim.email })).status).toBe(200)
    expect(await lockState()).toEqual({ login_attempts: '0', locked: null })
  })
})

describe('raising one’s own privileges', () => {
  /** The protected state of an account, straight from the database. */
  const protectedState = async (id: Id) => {
    const { rows } = await pool().query(
      `select u.hash, u.salt, u.reset_password_token, u.reset_password_expiration, u.login_attempts, u.lock_until,
         (select array_agg(r.value::text order by r.value) from users_roles r where r.parent_id = u.id) as roles,
         (select array_agg(s.id order by s.id) from users_sessions s where s._parent_id = u.id) as sessions
       from users u where u.id = $1`,
      [id],
    )
    return rows[0] as Record<string, unknown>
  }

  const FAR = '2100-01-01T00:00:00.000Z'
  const escalation = {
    roles: ['admin'],
    _verified: true,
    loginAttempts: 0,
    lockUntil: FAR,
    sessions: [],
    hash: 'attacker-hash',
    salt: 'attacker-salt',
    resetPasswordToken: 'attacker-reset-token',
    resetPasswordExpiration: FAR,
  }

  it('ignores or refuses a PATCH of one’s own roles, _verified, loginAttempts, lockUntil, sessions, hash, salt and reset token', async () => {
    for (const role of ['user', 'moderator', 'editor'] as Role[]) {
      const self = actors[role as Exclude<Role, 'anonymous'>]
      // Something to overwrite: a known reset token and a non-zero counter.
      await pool().query(
        `update users set reset_password_token = 'known-token', reset_password_expiration = now() + interval '1 hour', login_attempts = 3 where id = $1`,
        [self.id],
      )
      const before = await protectedState(self.id)
      expect(before.roles, role).toEqual([role])
      expect((before.sessions as string[]).length, role).toBeGreaterThan(0)

      // REST, all at once and one field at a time (a single refused field must not hide another).
      const all = await rest(role, 'patch', `/users/${self.id}`, { ...escalation, name: `${role} renamed` })
      expect([200, 400, 403], role).toContain(all.status)
      for (const [key, value] of Object.entries(escalation)) {
        const one = await rest(role, 'patch', `/users/${self.id}`, { [key]: value })
        expect([200, 400, 403], `${role} ${key}`).toContain(one.status)
        expect(await protectedState(self.id), `${role} REST ${key}`).toEqual(before)
      }

      // GraphQL: the input type offers these fields; they must not take.
      const result = await graphql(
        role,
        `mutation { updateUser(id: ${self.id}, data: { roles: [admin], loginAttempts: 0, lockUntil: "${FAR}", sessions: [],
           hash: "attacker-hash", salt: "attacker-salt", resetPasswordToken: "attacker-reset-token", resetPasswordExpiration: "${FAR}" }) { id roles } }`,
      )
      if (!result.errors) expect((result.data?.updateUser as { roles: string[] }).roles, role).toEqual([role])

      // Local API acting for the user.
      await ctx.payload
        .update({ collection: 'users', id: self.id, data: escalation as never, user: self, overrideAccess: false })
        .catch(() => undefined)

      expect(await protectedState(self.id), role).toEqual(before)
      // The token still works and still says what it said.
      const me = await rest(role, 'get', '/users/me')
      expect((me.body.user as User).roles, role).toEqual([role])
    }
  })

  it('lets only an admin change roles', async () => {
    const target = await createAccount('promoted', ['user'])
    for (const role of ['user', 'moderator', 'editor'] as Role[]) {
      await rest(role, 'patch', `/users/${target.id}`, { roles: ['admin'] })
      await graphql(role, `mutation { updateUser(id: ${target.id}, data: { roles: [admin] }) { id } }`)
      await rest(role, 'post', '/users', { email: `${unique('made')}@example.com`, password: PASSWORD, roles: ['admin'] })
    }
    expect((await protectedState(target.id)).roles).toEqual(['user'])
    expect((await ctx.payload.count({ collection: 'users', where: { roles: { in: ['admin'] } }, overrideAccess: true })).totalDocs).toBe(1)

    const promoted = await rest('admin', 'patch', `/users/${target.id}`, { roles: ['editor'] })
    expect(promoted.status).toBe(200)
    expect((await protectedState(target.id)).roles).toEqual(['editor'])
    const result = await graphql('admin', `mutation { updateUser(id: ${target.id}, data: { roles: [moderator] }) { id roles } }`)
    expect(result.data?.updateUser).toEqual({ id: target.id, roles: ['moderator'] })
  })
})
