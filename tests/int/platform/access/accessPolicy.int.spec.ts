import { formatNames, toWords, type CollectionSlug, type GlobalSlug, type PayloadRequest, type Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import { entitiesOf, hasDrafts, hasVersions, policyEntryOf, type Entity, type Policy } from '../../../helpers/accessPolicy'
import { gradientImage, uploadForm } from '../../../helpers/images'
import { initPayloadInt } from '../../../helpers/initPayloadInt'

/**
 * The generated access test: every collection and global of the built config x every operation
 * (find, findByID, count, versions, version by id, restore, create, update, delete; for globals
 * read, update, versions, version by id, restore) x every role (anonymous, user, editor, moderator,
 * admin, and the document's owner where documents have one), over REST and GraphQL. The expected
 * outcome of each cell is the policy table's rule (payload.config.ts `accessPolicy`) evaluated
 * for that caller and document: allowed, forbidden (403) or hidden (not in the list, 404 by id).
 * A denied call must change nothing. A collection or global without a policy entry or a driver
 * below fails its test. Drafts: no response to a caller the table does not let read drafts ever
 * contains a draft's text, on any path (find, findByID, `draft=true`, versions, GraphQL).
 */

const ctx = await initPayloadInt('access-policy')
const policy = (await import('@payload-config')).accessPolicy as unknown as Policy
const entities = entitiesOf(ctx.config)

type Role = 'anonymous' | 'user' | 'editor' | 'moderator' | 'admin' | 'owner'
type Expected = 'allowed' | 'hidden' | 'forbidden'
type Protocol = 'rest' | 'graphql'
type Doc = Record<string, unknown>
type Account = { user: User; email: string; token?: string }

const PASSWORD = 'correct-horse-battery-1'
const BASE_ROLES: Role[] = ['anonymous', 'user', 'editor', 'moderator', 'admin']
let serial = 0
const unique = (label: string) => `${label}-${Date.now().toString(36)}-${(serial += 1)}`
/** Planted in drafts only: whoever may not read drafts must never see it. */
const draftMarker = (slug: string) => `DRAFT-SECRET-${slug}`

const accounts = {} as Record<'user' | 'editor' | 'moderator' | 'admin' | 'owner', Account>

const createAccount = async (label: string, role: 'user' | 'editor' | 'moderator' | 'admin'): Promise<Account> => {
  const email = `${unique(label)}@example.com`
  const user = await ctx.payload.create({ collection: 'users', data: { email, password: PASSWORD, roles: [role] }, overrideAccess: true })
  // The very first account is made admin (makeFirstUserAdmin): make sure each role is what it says.
  expect(user.roles, email).toEqual([role])
  return { user: { ...user, collection: 'users' } as User, email }
}

const tokenOf = async (account: Account | undefined) => {
  if (!account) return undefined
  account.token ??= await ctx.rest.login(account.email, PASSWORD)
  return account.token
}

beforeAll(async () => {
  // The admin first: the first account of a fresh database becomes admin whatever it asks for.
  for (const role of ['admin', 'editor', 'moderator', 'user'] as const) accounts[role] = await createAccount(role, role)
  accounts.owner = await createAccount('owner', 'user')
  for (const account of Object.values(accounts)) await tokenOf(account)
})

afterAll(async () => {
  try {
    // Uploads are files in the shared media folders: deleting the documents deletes them, so the
    // media tests that list those folders find only their own files.
    for (const collection of ['avatars', 'media'] as const) {
      await ctx?.payload.delete({ collection, where: { id: { exists: true } }, overrideAccess: true })
    }
  } finally {
    await ctx?.cleanup()
  }
})

// ---------------------------------------------------------------------------------------------
// Drivers: how to make a document of each collection and what to send to create and update one.
// Data are plain JSON: the REST body and the GraphQL `$data` variable alike.
// ---------------------------------------------------------------------------------------------

type Fixture = { id: number; owner: Account }
type Driver = {
  /** Documents belong to someone: the `owner` role applies. */
  owned?: boolean
  fixture: () => Promise<Fixture>
  createData: () => Promise<Doc>
  /** An upload: REST creates send the file; GraphQL cannot send one, so it never creates. */
  upload?: 'media' | 'avatars'
  updateData: () => Doc
  /**
   * Payload serves `/<slug>/:key` (the caller's own document by key) in place of the by-id REST
   * routes (findByID, count, update, delete): those cells are GraphQL only.
   */
  restByKey?: boolean
}

const png = () => gradientImage(48, 48, 'png')
const pngFile = async () => {
  const data = await png()
  return { data, name: 'fixture.png', mimetype: 'image/png', size: data.length }
}

const create = async (collection: CollectionSlug, data: Doc, extra: Record<string, unknown> = {}) =>
  (await ctx.payload.create({
    collection,
    data: data as never,
    overrideAccess: true,
    context: { skipWorkflow: true },
    ...extra,
  })) as unknown as {
    id: number
  }

const publishedAnime = async () => (await create('anime', { title: unique('anime'), _status: 'published' })).id
const genre = async () => (await create('genres', { name: unique('genre') })).id

/** Draft-enabled collections: the minimal document, its label field set to `label`. */
const EDITORIAL: Record<string, (label: string) => Doc> = {
  anime: (label) => ({ title: label }),
  articles: (label) => ({ title: label, workflowStatus: 'draft' }),
  'historical-events': (label) => ({ title: label, date: '1950-01-01', workflowStatus: 'draft' }),
  aircraft: (label) => ({ name: label, workflowStatus: 'draft' }),
  'design-bureaus': (label) => ({ name: label, workflowStatus: 'draft' }),
  designers: (label) => ({ name: label, workflowStatus: 'draft' }),
  manufacturers: (label) => ({ name: label, workflowStatus: 'draft' }),
  personalities: (label) => ({ name: label, workflowStatus: 'draft' }),
}
const labelField = (slug: string) => Object.keys(EDITORIAL[slug]!('x'))[0]!
const published = (slug: string, label: string): Doc => ({
  ...EDITORIAL[slug]!(label),
  _status: 'published',
  ...(slug === 'anime' ? {} : { workflowStatus: 'published' }),
})

const editorialDriver = (slug: string): Driver => ({
  fixture: async () => ({ id: (await create(slug as CollectionSlug, published(slug, unique(slug)))).id, owner: accounts.owner }),
  createData: async () => EDITORIAL[slug]!(unique(`new-${slug}`)),
  updateData: () => ({ [labelField(slug)]: unique('updated') }),
})

const taxonomyDriver = (slug: CollectionSlug): Driver => ({
  fixture: async () => ({ id: (await create(slug, { name: unique(slug) })).id, owner: accounts.owner }),
  createData: async () => ({ name: unique(`new-${slug}`) }),
  updateData: () => ({ description: unique('updated') }),
})

const drivers: Record<string, Driver> = {
  users: {
    owned: true,
    // An account is its own owner.
    fixture: async () => {
      const account = await createAccount('target', 'user')
      return { id: account.user.id, owner: account }
    },
    createData: async () => ({ email: `${unique('created')}@example.com`, password: PASSWORD }),
    updateData: () => ({ name: unique('renamed') }),
  },
  'auth-sessions': {
    fixture: async () => ({
      id: (
        await create('auth-sessions', {
          sid: unique('sid'),
          user: accounts.owner.user.id,
          refreshTokenHash: unique('hash'),
          refreshExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        })
      ).id,
      owner: accounts.owner,
    }),
    createData: async () => ({
      sid: unique('sid'),
      user: accounts.owner.user.id,
      refreshTokenHash: unique('hash'),
      refreshExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    }),
    updateData: () => ({ userAgent: unique('agent') }),
  },
  'auth-identities': {
    fixture: async () => ({
      id: (await create('auth-identities', { user: accounts.owner.user.id, provider: 'telegram', subject: unique('tg') })).id,
      owner: accounts.owner,
    }),
    createData: async () => ({ user: accounts.owner.user.id, provider: 'telegram', subject: unique('tg') }),
    updateData: () => ({ displayName: unique('renamed') }),
  },
  'two-factor-credentials': {
    // One row per user: each fixture replaces the owner's previous one.
    fixture: async () => {
      await ctx.payload.delete({
        collection: 'two-factor-credentials',
        where: { user: { equals: accounts.owner.user.id } },
        overrideAccess: true,
      })
      return {
        id: (await create('two-factor-credentials', { user: accounts.owner.user.id, secret: unique('sealed') })).id,
        owner: accounts.owner,
      }
    },
    createData: async () => ({ user: accounts.owner.user.id, secret: unique('sealed') }),
    updateData: () => ({ secret: unique('sealed') }),
  },
  media: {
    upload: 'media',
    fixture: async () => ({ id: (await create('media', { alt: 'fixture' }, { file: await pngFile() })).id, owner: accounts.owner }),
    createData: async () => ({ alt: unique('new') }),
    updateData: () => ({ alt: unique('updated') }),
  },
  avatars: {
    owned: true,
    upload: 'avatars',
    fixture: async () => ({
      id: (await create('avatars', { owner: accounts.owner.user.id }, { file: await pngFile() })).id,
      owner: accounts.owner,
    }),
    createData: async () => ({}),
    updateData: () => ({}),
  },
  favorites: {
    owned: true,
    fixture: async () => ({
      id: (await create('favorites', { user: accounts.owner.user.id, item: { relationTo: 'anime', value: await publishedAnime() } })).id,
      owner: accounts.owner,
    }),
    createData: async () => ({ item: { relationTo: 'anime', value: await publishedAnime() } }),
    updateData: () => ({}),
  },
  genres: taxonomyDriver('genres'),
  studios: taxonomyDriver('studios'),
  categories: taxonomyDriver('categories'),
  lists: {
    owned: true,
    // Unlisted: readable by id (findByID), not listed (find) for anyone but the owner and admins.
    fixture: async () => ({
      id: (await create('lists', { name: unique('list'), visibility: 'unlisted', owner: accounts.owner.user.id })).id,
      owner: accounts.owner,
    }),
    createData: async () => ({ name: unique('new-list'), visibility: 'public' }),
    updateData: () => ({ description: unique('updated') }),
  },
  views: {
    owned: true,
    fixture: async () => ({
      id: (await create('views', { user: accounts.owner.user.id, anime: await publishedAnime(), lastViewedAt: new Date().toISOString() }))
        .id,
      owner: accounts.owner,
    }),
    createData: async () => ({ user: accounts.owner.user.id, anime: await publishedAnime(), lastViewedAt: new Date().toISOString() }),
    updateData: () => ({ episode: 3 }),
  },
  'event-outbox': {
    fixture: async () => ({
      id: (await create('event-outbox', { eventId: unique('event'), type: 'test.access', message: {} })).id,
      owner: accounts.owner,
    }),
    createData: async () => ({ eventId: unique('event'), type: 'test.access', message: {} }),
    updateData: () => ({ lastError: unique('error') }),
  },
  'cache-invalidations': {
    fixture: async () => ({ id: (await create('cache-invalidations', { generations: ['anime'] })).id, owner: accounts.owner }),
    createData: async () => ({ generations: ['anime'] }),
    updateData: () => ({ generations: ['genres'] }),
  },
  'payload-kv': {
    fixture: async () => ({
      id: (await create('payload-kv' as CollectionSlug, { key: unique('key'), data: { n: 1 } })).id,
      owner: accounts.owner,
    }),
    createData: async () => ({ key: unique('key'), data: { n: 1 } }),
    updateData: () => ({ data: { n: 2 } }),
  },
  'payload-jobs': {
    // A queue no runner serves: the job never runs.
    fixture: async () => ({
      id: (await create('payload-jobs' as CollectionSlug, { queue: 'access-policy-test', input: {} })).id,
      owner: accounts.owner,
    }),
    createData: async () => ({ queue: 'access-policy-test', input: {} }),
    updateData: () => ({ queue: 'access-policy-test-2' }),
  },
  'payload-locked-documents': {
    owned: true,
    fixture: async () => ({
      id: (
        await create('payload-locked-documents' as CollectionSlug, {
          document: { relationTo: 'genres', value: await genre() },
          user: { relationTo: 'users', value: accounts.owner.user.id },
        })
      ).id,
      owner: accounts.owner,
    }),
    createData: async () => ({
      document: { relationTo: 'genres', value: await genre() },
      user: { relationTo: 'users', value: accounts.owner.user.id },
    }),
    updateData: () => ({ globalSlug: unique('global') }),
  },
  'payload-preferences': {
    owned: true,
    restByKey: true,
    // The `user` field is always the caller (Payload's hook): made as the owner.
    fixture: async () => ({
      id: (await create('payload-preferences' as CollectionSlug, { key: unique('pref'), value: { a: 1 } }, { user: accounts.owner.user }))
        .id,
      owner: accounts.owner,
    }),
    createData: async () => ({ key: unique('pref'), value: { a: 1 }, user: { relationTo: 'users', value: accounts.owner.user.id } }),
    updateData: () => ({ value: { a: 2 } }),
  },
  ...Object.fromEntries(Object.keys(EDITORIAL).map((slug) => [slug, editorialDriver(slug)])),
}

/** Globals: what an update sends. */
const globalDrivers: Record<string, { updateData: () => Doc }> = {
  'app-settings': { updateData: () => ({ siteTitle: unique('title') }) },
}

// ---------------------------------------------------------------------------------------------
// The oracle: the policy's rule, evaluated for the caller (and the document, for a Where).
// ---------------------------------------------------------------------------------------------

const actorOf = (role: Role, fixture?: Fixture): Account | undefined => {
  if (role === 'anonymous') return undefined
  if (role === 'owner') return fixture?.owner ?? accounts.owner
  return accounts[role]
}

type Rule = (args: { req: PayloadRequest; id?: number; data?: Doc }) => unknown

const decide = async (
  entity: Entity,
  operation: 'read' | 'create' | 'update' | 'delete' | 'readVersions' | 'readDrafts',
  actor: Account | undefined,
  { id, byId = false, data }: { id?: number; byId?: boolean; data?: Doc } = {},
): Promise<Expected> => {
  const rule = policyEntryOf(policy, entity)?.[operation] as Rule | undefined
  if (!rule) throw new Error(`${entity.slug}: no ${operation} rule in the policy`)
  const req = {
    user: actor ? { ...actor.user, collection: 'users' } : null,
    payload: ctx.payload,
    context: {},
  } as unknown as PayloadRequest
  const result = await rule({ req, ...(byId ? { id } : {}), data })
  if (result === true) return 'allowed'
  if (!result) return 'forbidden'
  if (id === undefined || entity.kind === 'global') return 'allowed'
  const { totalDocs } = await ctx.payload.count({
    collection: entity.slug as CollectionSlug,
    where: { and: [result as Where, { id: { equals: id } }] },
    overrideAccess: true,
  })
  return totalDocs > 0 ? 'allowed' : 'hidden'
}

/** A write the rule's Where does not reach is refused with 403, like a `false`. */
const asWrite = (expected: Expected): Expected => (expected === 'hidden' ? 'forbidden' : expected)

// ---------------------------------------------------------------------------------------------
// Callers: REST and GraphQL through Payload's own route handlers, every body scanned for drafts.
// ---------------------------------------------------------------------------------------------

/** The draft markers a caller must never see: those of every collection whose readDrafts refuses them. */
const markersByActor = new Map<Account | undefined, Promise<string[]>>()
const forbiddenMarkers = (actor: Account | undefined): Promise<string[]> => {
  if (!markersByActor.has(actor)) {
    markersByActor.set(
      actor,
      (async () => {
        const markers: string[] = []
        for (const entity of entities.filter(hasDrafts)) {
          if ((await decide(entity, 'readDrafts', actor)) !== 'allowed') markers.push(draftMarker(entity.slug))
        }
        return markers
      })(),
    )
  }
  return markersByActor.get(actor)!
}

type Call = { status: number; body: Doc; text: string }
const leaks: string[] = []
let scanned = 0

const scan = async (actor: Account | undefined, text: string, where: string) => {
  scanned += 1
  for (const marker of await forbiddenMarkers(actor)) {
    if (text.includes(marker)) leaks.push(`${actor?.email ?? 'anonymous'} ${where}: ${marker}`)
  }
}

const rest = async (
  actor: Account | undefined,
  method: 'get' | 'post' | 'patch' | 'delete',
  path: string,
  body?: Doc | FormData,
): Promise<Call> => {
  const init: RequestInit & { token?: string } = { method: method.toUpperCase(), token: await tokenOf(actor) }
  if (body instanceof FormData) init.body = body
  else if (body) {
    init.body = JSON.stringify(body)
    init.headers = { 'Content-Type': 'application/json' }
  }
  const response = await ctx.rest[method](path, init)
  const text = await response.text()
  await scan(actor, text, `${method.toUpperCase()} ${path}`)
  let parsed: Doc = {}
  try {
    parsed = text ? (JSON.parse(text) as Doc) : {}
  } catch {
    parsed = {}
  }
  return { status: response.status, body: parsed, text }
}

type GraphQLResult = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { statusCode?: number } }[] }

const graphql = async (actor: Account | undefined, query: string, variables?: Doc): Promise<GraphQLResult> => {
  const token = await tokenOf(actor)
  const response = await ctx.rest.graphql(query, token ? { headers: { Authorization: `JWT ${token}` } } : {}, variables)
  const text = await response.text()
  await scan(actor, text, `GraphQL ${query}`)
  return JSON.parse(text) as GraphQLResult
}

const restRead = ({ status, body, text }: Call, present: (body: Doc) => boolean): string => {
  if (status === 403) return 'forbidden'
  if (status === 404) return 'hidden'
  if (status === 200) return present(body) ? 'allowed' : 'hidden'
  return `${status} ${text.slice(0, 300)}`
}

const restWrite = ({ status, text }: Call): string => {
  if (status >= 200 && status < 300) return 'allowed'
  if (status === 403) return 'forbidden'
  return `${status} ${text.slice(0, 300)}`
}

const graphqlOutcome = (result: GraphQLResult, present: (data: Record<string, unknown>) => boolean): string => {
  if (result.errors?.length) {
    const codes = result.errors.map((error) => error.extensions?.statusCode)
    if (codes.every((code) => code === 403)) return 'forbidden'
    if (codes.every((code) => code === 404)) return 'hidden'
    return `errors ${JSON.stringify(result.errors).slice(0, 300)}`
  }
  return result.data && present(result.data) ? 'allowed' : 'hidden'
}

const docsOf = (value: unknown): { id: unknown }[] => (value as { docs?: { id: unknown }[] } | null)?.docs ?? []
const hasDoc = (value: unknown, id: number) => docsOf(value).some((doc) => doc.id === id)

type Names = { single: string; list: string }
/** The GraphQL names Payload gives a collection or global (as @payloadcms/graphql derives them). */
const graphQLNames = (entity: Entity): Names | null => {
  if (entity.config.graphQL === false) return null
  const options = (entity.config.graphQL ?? {}) as { singularName?: string; pluralName?: string; name?: string }
  const fromSlug = formatNames(entity.slug)
  const single = options.singularName ? toWords(options.singularName, true) : (options.name ?? fromSlug.singular)
  const list = options.pluralName ? toWords(options.pluralName, true) : fromSlug.plural
  return { single, list: list === single ? `all${single}` : list }
}

// ---------------------------------------------------------------------------------------------
// State: what a denied call must leave as it was.
// ---------------------------------------------------------------------------------------------

const snapshot = async (entity: Entity, id?: number): Promise<string> => {
  if (entity.kind === 'global') {
    const slug = entity.slug as GlobalSlug
    const doc = await ctx.payload.findGlobal({ slug, depth: 0, overrideAccess: true })
    const versions = hasVersions(entity)
      ? (await ctx.payload.findGlobalVersions({ slug, limit: 1, depth: 0, overrideAccess: true })).totalDocs
      : 0
    return JSON.stringify({ doc, versions })
  }
  const collection = entity.slug as CollectionSlug
  const where: Where = { id: { equals: id } }
  const doc = (await ctx.payload.find({ collection, where, depth: 0, overrideAccess: true, showHiddenFields: true, draft: false })).docs
  // The newest version stands for the drafts (a draft save writes one).
  const versions = hasVersions(entity)
    ? await ctx.payload.findVersions({
        collection,
        where: { parent: { equals: id } },
        sort: '-updatedAt',
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
    : null
  return JSON.stringify({ doc, versions: versions?.totalDocs ?? 0, latest: versions?.docs[0] ?? null })
}

const countOf = async (slug: string) => (await ctx.payload.count({ collection: slug as CollectionSlug, overrideAccess: true })).totalDocs

// ---------------------------------------------------------------------------------------------
// The cells.
// ---------------------------------------------------------------------------------------------

type Report = (cell: string, expected: Expected, actual: string) => void

/** find, findByID and count of `target` (optionally with draft=true). */
const readCells = async (
  entity: Entity,
  driver: Driver,
  names: Names | null,
  role: Role,
  target: Fixture,
  report: Report,
  draft = false,
) => {
  const slug = entity.slug
  const actor = actorOf(role, target)
  const id = target.id
  const listed = await decide(entity, 'read', actor, { id })
  const byId = await decide(entity, 'read', actor, { id, byId: true })
  const suffix = draft ? ' (draft=true)' : ''
  const qs = draft ? '&draft=true' : ''

  report(
    `REST find${suffix}`,
    listed,
    restRead(await rest(actor, 'get', `/${slug}?where[id][equals]=${id}&depth=0${qs}`), (body) => hasDoc(body, id)),
  )
  if (!driver.restByKey) {
    report(
      `REST findByID${suffix}`,
      byId,
      restRead(await rest(actor, 'get', `/${slug}/${id}?depth=0${qs}`), (body) => body.id === id),
    )
    if (!draft) {
      report(
        'REST count',
        listed,
        restRead(await rest(actor, 'get', `/${slug}/count?where[id][equals]=${id}`), (body) => body.totalDocs === 1),
      )
    }
  }
  if (!names) return
  const draftArg = draft ? ', draft: true' : ''
  report(
    `GraphQL find${suffix}`,
    listed,
    graphqlOutcome(await graphql(actor, `{ list: ${names.list}(where: { id: { equals: ${id} } }${draftArg}) { docs { id } } }`), (data) =>
      hasDoc(data.list, id),
    ),
  )
  report(
    `GraphQL findByID${suffix}`,
    byId,
    graphqlOutcome(
      await graphql(actor, `{ one: ${names.single}(id: ${id}${draftArg}) { id } }`),
      (data) => (data.one as { id?: unknown } | null)?.id === id,
    ),
  )
  if (!draft) {
    report(
      'GraphQL count',
      listed,
      graphqlOutcome(
        await graphql(actor, `{ n: count${names.list}(where: { id: { equals: ${id} } }) { totalDocs } }`),
        (data) => (data.n as { totalDocs?: number })?.totalDocs === 1,
      ),
    )
  }
}

const runCollection = async (entity: Entity, driver: Driver): Promise<string[]> => {
  const mismatches: string[] = []
  const slug = entity.slug
  const names = graphQLNames(entity)
  const roles: Role[] = [...BASE_ROLES, ...(driver.owned ? (['owner'] as Role[]) : [])]
  const protocols: Protocol[] = names ? ['rest', 'graphql'] : ['rest']
  const report = (role: Role, cell: string, expected: Expected, actual: string) => {
    if (expected === actual) return
    mismatches.push(`${role} ${cell}: expected ${expected}, got ${actual}`)
  }

  // Documents: one to read and update; for drafts also a pending draft of it and one never published.
  const target = await driver.fixture()
  let draftOnly: Fixture | undefined
  let publishedVersion: number | undefined
  if (hasDrafts(entity)) {
    const collection = slug as CollectionSlug
    await ctx.payload.update({
      collection,
      id: target.id,
      data: { [labelField(slug)]: `${draftMarker(slug)} pending` } as never,
      draft: true,
      overrideAccess: true,
      context: { skipWorkflow: true },
    })
    draftOnly = {
      id: (await create(collection, EDITORIAL[slug]!(`${draftMarker(slug)} ${unique('never-published')}`), { draft: true })).id,
      owner: accounts.owner,
    }
    const versions = await ctx.payload.findVersions({
      collection,
      where: { parent: { equals: target.id } },
      sort: 'createdAt',
      depth: 0,
      overrideAccess: true,
    })
    publishedVersion = versions.docs.find((version) => (version.version as { _status?: string })._status === 'published')
      ?.id as unknown as number
    expect(publishedVersion, `${slug}: a published version to restore`).toBeDefined()
  }

  for (const role of roles) {
    const actor = actorOf(role, target)
    const cell = (name: string, expected: Expected, actual: string) => report(role, name, expected, actual)
    const ofDraft = (name: string, expected: Expected, actual: string) => cell(`${name} of a draft`, expected, actual)

    await readCells(entity, driver, names, role, target, cell)
    if (draftOnly) {
      await readCells(entity, driver, names, role, draftOnly, ofDraft)
      await readCells(entity, driver, names, role, target, cell, true)
      await readCells(entity, driver, names, role, draftOnly, ofDraft, true)
    }

    if (hasVersions(entity)) {
      const readVersions = await decide(entity, 'readVersions', actor, { id: target.id })
      const versionOf = (body: unknown) => docsOf(body).length > 0
      cell(
        'REST versions',
        readVersions,
        restRead(await rest(actor, 'get', `/${slug}/versions?where[parent][equals]=${target.id}&depth=0`), versionOf),
      )
      cell(
        'REST versions of drafts',
        readVersions,
        restRead(await rest(actor, 'get', `/${slug}/versions?where[version._status][equals]=draft&depth=0`), versionOf),
      )
      cell(
        'REST version by id',
        readVersions,
        restRead(await rest(actor, 'get', `/${slug}/versions/${publishedVersion}?depth=0`), (body) => body.id === publishedVersion),
      )
      if (names) {
        cell(
          'GraphQL versions',
          readVersions,
          graphqlOutcome(
            await graphql(actor, `{ v: versions${names.list}(where: { parent: { equals: ${target.id} } }) { docs { id } } }`),
            (data) => versionOf(data.v),
          ),
        )
        cell(
          'GraphQL version by id',
          readVersions,
          graphqlOutcome(
            await graphql(actor, `{ v: version${names.single}(id: ${publishedVersion}) { id } }`),
            (data) => (data.v as { id?: unknown } | null)?.id === publishedVersion,
          ),
        )
      }
      for (const protocol of protocols) {
        // Restoring writes the document: Payload asks `update` with the status the version restores.
        const expected = asWrite(await decide(entity, 'update', actor, { id: target.id, byId: true, data: { _status: 'published' } }))
        const before = await snapshot(entity, target.id)
        const actual =
          protocol === 'rest'
            ? restWrite(await rest(actor, 'post', `/${slug}/versions/${publishedVersion}`))
            : graphqlOutcome(
                await graphql(actor, `mutation { r: restoreVersion${names!.single}(id: ${publishedVersion}) { id } }`),
                (data) => Boolean(data.r),
              )
        cell(`${protocol} restore version`, expected, actual)
        if (expected === 'forbidden')
          expect(await snapshot(entity, target.id), `${role} ${protocol} restore of ${slug} changed it`).toBe(before)
      }
    }

    for (const protocol of protocols) {
      // create
      if (!(protocol === 'graphql' && driver.upload)) {
        const data = await driver.createData()
        const expected = await decide(entity, 'create', actor, { data })
        const before = await countOf(slug)
        let actual: string
        if (protocol === 'rest') {
          const body = driver.upload ? uploadForm({ data: await png(), name: 'new.png', type: 'image/png' }, data) : data
          actual = restWrite(await rest(actor, 'post', `/${slug}`, body))
        } else {
          const query = `mutation ($data: mutation${names!.single}Input!) { c: create${names!.single}(data: $data) { id } }`
          actual = graphqlOutcome(await graphql(actor, query, { data }), (result) => Boolean(result.c))
        }
        cell(`${protocol} create`, expected, actual)
        const created = (await countOf(slug)) - before
        if (expected === 'forbidden' && created !== 0) mismatches.push(`${role} ${protocol} create: refused but created ${created}`)
        if (expected === 'allowed' && actual === 'allowed' && created !== 1)
          mismatches.push(`${role} ${protocol} create: allowed but created ${created}`)
      }

      // update
      if (!(protocol === 'rest' && driver.restByKey)) {
        const data = driver.updateData()
        const expected = asWrite(await decide(entity, 'update', actor, { id: target.id, byId: true, data }))
        const before = await snapshot(entity, target.id)
        const actual =
          protocol === 'rest'
            ? restWrite(await rest(actor, 'patch', `/${slug}/${target.id}`, data))
            : graphqlOutcome(
                await graphql(
                  actor,
                  `mutation ($data: mutation${names!.single}UpdateInput!) { u: update${names!.single}(id: ${target.id}, data: $data) { id } }`,
                  {
                    data,
                  },
                ),
                (result) => Boolean(result.u),
              )
        cell(`${protocol} update`, expected, actual)
        if (expected === 'forbidden')
          expect(await snapshot(entity, target.id), `${role} ${protocol} update of ${slug} changed it`).toBe(before)
      }

      // delete: a document of its own, since an allowed one is gone afterwards
      if (!(protocol === 'rest' && driver.restByKey)) {
        const doomed = await driver.fixture()
        const deleter = actorOf(role, doomed)
        const expected = asWrite(await decide(entity, 'delete', deleter, { id: doomed.id, byId: true }))
        await tokenOf(deleter)
        const before = await snapshot(entity, doomed.id)
        const actual =
          protocol === 'rest'
            ? restWrite(await rest(deleter, 'delete', `/${slug}/${doomed.id}`))
            : graphqlOutcome(await graphql(deleter, `mutation { d: delete${names!.single}(id: ${doomed.id}) { id } }`), (result) =>
                Boolean(result.d),
              )
        cell(`${protocol} delete`, expected, actual)
        const after = await snapshot(entity, doomed.id)
        if (expected === 'forbidden') expect(after, `${role} ${protocol} delete of ${slug} changed it`).toBe(before)
        if (expected === 'allowed' && actual === 'allowed')
          expect(JSON.parse(after).doc, `${role} ${protocol} delete of ${slug}`).toEqual([])
      }
    }
  }
  return mismatches
}

const runGlobal = async (entity: Entity): Promise<string[]> => {
  const mismatches: string[] = []
  const slug = entity.slug as GlobalSlug
  const driver = globalDrivers[slug]
  if (!driver) return [`global ${slug}: no driver in this test`]
  const names = graphQLNames(entity)
  const protocols: Protocol[] = names ? ['rest', 'graphql'] : ['rest']
  // Two versions to look at and restore.
  await ctx.payload.updateGlobal({ slug, data: driver.updateData() as never, overrideAccess: true })
  await ctx.payload.updateGlobal({ slug, data: driver.updateData() as never, overrideAccess: true })
  const versions = hasVersions(entity)
    ? await ctx.payload.findGlobalVersions({ slug, sort: 'createdAt', depth: 0, overrideAccess: true })
    : null
  const versionId = versions?.docs[0]?.id

  for (const role of BASE_ROLES) {
    const actor = actorOf(role)
    const cell = (name: string, expected: Expected, actual: string) => {
      if (expected !== actual) mismatches.push(`${role} ${name}: expected ${expected}, got ${actual}`)
    }
    const read = await decide(entity, 'read', actor)
    cell(
      'REST read',
      read,
      restRead(await rest(actor, 'get', `/globals/${slug}?depth=0`), () => true),
    )
    if (names)
      cell(
        'GraphQL read',
        read,
        graphqlOutcome(await graphql(actor, `{ g: ${names.single} { updatedAt } }`), (data) => Boolean(data.g)),
      )

    if (versionId !== undefined) {
      const readVersions = await decide(entity, 'readVersions', actor)
      cell(
        'REST versions',
        readVersions,
        restRead(await rest(actor, 'get', `/globals/${slug}/versions?depth=0`), (body) => docsOf(body).length > 0),
      )
      cell(
        'REST version by id',
        readVersions,
        restRead(await rest(actor, 'get', `/globals/${slug}/versions/${versionId}?depth=0`), (body) => body.id === versionId),
      )
      if (names) {
        cell(
          'GraphQL versions',
          readVersions,
          graphqlOutcome(await graphql(actor, `{ v: versions${names.single} { docs { id } } }`), (data) => docsOf(data.v).length > 0),
        )
        cell(
          'GraphQL version by id',
          readVersions,
          graphqlOutcome(
            await graphql(actor, `{ v: version${names.single}(id: ${versionId}) { id } }`),
            (data) => (data.v as { id?: unknown } | null)?.id === versionId,
          ),
        )
      }
    }

    for (const protocol of protocols) {
      const data = driver.updateData()
      const expected = await decide(entity, 'update', actor, { data })
      const before = await snapshot(entity)
      const actual =
        protocol === 'rest'
          ? restWrite(await rest(actor, 'post', `/globals/${slug}`, data))
          : graphqlOutcome(
              await graphql(
                actor,
                `mutation ($data: mutation${names!.single}Input!) { u: update${names!.single}(data: $data) { updatedAt } }`,
                { data },
              ),
              (result) => Boolean(result.u),
            )
      cell(`${protocol} update`, expected, actual)
      if (expected === 'forbidden') expect(await snapshot(entity), `${role} ${protocol} update of ${slug} changed it`).toBe(before)

      if (versionId !== undefined) {
        const restoreExpected = await decide(entity, 'update', actor, { data: {} })
        const beforeRestore = await snapshot(entity)
        const restored =
          protocol === 'rest'
            ? restWrite(await rest(actor, 'post', `/globals/${slug}/versions/${versionId}`))
            : graphqlOutcome(
                await graphql(actor, `mutation { r: restoreVersion${names!.single}(id: ${versionId}) { updatedAt } }`),
                (result) => Boolean(result.r),
              )
        cell(`${protocol} restore version`, restoreExpected, restored)
        if (restoreExpected === 'forbidden')
          expect(await snapshot(entity), `${role} ${protocol} restore of ${slug} changed it`).toBe(beforeRestore)
      }
    }
  }
  return mismatches
}

describe('the access policy, cell by cell', () => {
  for (const entity of entities) {
    it(`${entity.kind} ${entity.slug}: every operation x every role, over REST and GraphQL, as the table says`, async () => {
      expect(policyEntryOf(policy, entity), `${entity.kind} ${entity.slug} has no entry in the access policy`).toBeDefined()
      if (entity.kind === 'global') {
        expect(await runGlobal(entity)).toEqual([])
        return
      }
      if (entity.config.endpoints === false && entity.config.graphQL === false) {
        // No API at all (payload-migrations): nothing answers, for anyone (501 Not Implemented).
        for (const role of BASE_ROLES) {
          const call = await rest(actorOf(role), 'get', `/${entity.slug}`)
          expect([404, 501], role).toContain(call.status)
          expect(call.body.docs, role).toBeUndefined()
        }
        return
      }
      const driver = drivers[entity.slug]
      expect(driver, `${entity.slug} has no driver in this test: add one`).toBeDefined()
      expect(await runCollection(entity, driver!)).toEqual([])
    }, 300_000)
  }

  it('never shows a draft to a caller the table does not let read drafts, on any path', () => {
    // Filled by every call above: each response was scanned for the markers planted in drafts.
    expect(entities.filter(hasDrafts).length).toBeGreaterThan(0)
    expect(scanned).toBeGreaterThan(0)
    expect(leaks).toEqual([])
  })
})
