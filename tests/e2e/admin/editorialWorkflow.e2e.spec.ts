import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createAccountWithRole } from '../../helpers/accounts'
import { openPage, screenshotOnFailure } from '../../helpers/browser'
import { startBrowserStack, type BrowserStack } from '../../helpers/browserStack'
import { gradientImage } from '../../helpers/images'
import { waitFor, type RunningServer } from '../../helpers/serverProcess'
import type { TestDatabase } from '../../helpers/testDatabase'

/**
 * Issue 5, acceptance 2: the editorial workflow in a real browser. An editor creates an aircraft
 * with an image and an article linking to it, and submits the article for review; a moderator
 * publishes them; the public (REST, no token) sees nothing before and everything after.
 */

const PASSWORD = 'workflow-e2e-password'
const ARTICLE_TITLE = 'Сверхзвуковой пассажирский самолёт'
const AIRCRAFT_NAME = 'Ту-144'
const IMAGE_ALT = 'Ту-144 на взлётной полосе'
/** Unique per run: local-disk storage keeps the file and its resized copies in media/ until afterAll. */
const IMAGE_BASE = `workflow-e2e-${randomBytes(4).toString('hex')}`
const IMAGE_NAME = `${IMAGE_BASE}.png`
const MEDIA_DIR = path.resolve('media')

let stack: BrowserStack
let database: TestDatabase
let server: RunningServer
/**
 * Where the browser opens the admin: the SERVER_URL the server was started with. Cookie-signed
 * POSTs (the admin's access checks, uploads) count only from an allowed origin (CSRF), and
 * ALLOWED_ORIGINS defaults to SERVER_URL (http://localhost:<port>), not http://127.0.0.1:<port>.
 */
let adminOrigin: string
let browser: Browser
const pages: Page[] = []

/** What the editor step leaves for the others. */
const state: { editorToken?: string; aircraftId?: number; mediaId?: number; articleId?: number; slug?: string } = {}

type Doc = Record<string, unknown> & { id: number }
type RelatedEntry = { relationTo: string; value: number | Doc }

const createAccount = (email: string, role: 'editor' | 'moderator') =>
  createAccountWithRole({ serverUrl: server.url, databaseUrl: database.url, email, password: PASSWORD, role })

/** Signs in through /admin/login in a fresh context; returns the page and the token the admin received. */
const signIn = async (email: string): Promise<{ page: Page; token: string }> => {
  const { page } = await openPage(browser)
  pages.push(page)
  await page.goto(`${adminOrigin}/admin/login`)
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(PASSWORD)
  const login = page.waitForResponse((response) => response.url().includes('/api/users/login') && response.request().method() === 'POST')
  await page.locator('button[type="submit"]').click()
  const loginResponse = await login
  expect(loginResponse.status()).toBe(200)
  const { token } = (await loginResponse.json()) as { token: string }
  await page.waitForURL(/\/admin\/?$/)
  return { page, token }
}

/** A REST read; anonymous unless a token is given. */
const rest = async (pathAndQuery: string, token?: string): Promise<{ status: number; body: Record<string, unknown> }> => {
  const response = await fetch(`${server.url}/api${pathAndQuery}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

/** Waits until the editor's latest draft satisfies `saved` (autosave lands every 2 s). */
const waitForDraft = async (collection: string, id: number, saved: (doc: Doc) => boolean, what: string): Promise<Doc> => {
  let last: unknown
  const landed = await waitFor(async () => {
    const { status, body } = await rest(`/${collection}/${id}?draft=true&depth=0`, state.editorToken)
    last = body
    return status === 200 && saved(body as Doc)
  }, 20_000)
  expect(landed, `${what} was not saved; last draft: ${JSON.stringify(last)}`).toBe(true)
  return last as Doc
}

/** Picks an option of a react-select field by its visible label. */
const selectOption = async (page: Page, fieldId: string, label: string, search?: string): Promise<void> => {
  const field = page.locator(`#${fieldId}`)
  await field.locator('.rs__control').click()
  if (search) await field.locator('.rs__input').fill(search)
  await field.locator('.rs__option', { hasText: label }).first().click()
}

const relatedOf = (doc: Record<string, unknown>): RelatedEntry[] => (doc.related ?? []) as RelatedEntry[]

beforeAll(async () => {
  stack = await startBrowserStack('editorial-workflow-e2e')
  ;({ database, server, browser } = stack)
  adminOrigin = `http://localhost:${server.port}`
  await createAccount('editor@e2e.test', 'editor')
  await createAccount('moderator@e2e.test', 'moderator')
})

afterAll(async () => {
  await stack?.stop()
  for (const file of fs.readdirSync(MEDIA_DIR)) if (file.startsWith(IMAGE_BASE)) fs.rmSync(path.join(MEDIA_DIR, file), { force: true })
})

describe('editorial workflow in the admin', () => {
  it('an editor creates an aircraft with an image and an article linking to it, and submits the article for review', async () => {
    screenshotOnFailure('workflow-editor', () => pages)
    const { page, token } = await signIn('editor@e2e.test')
    state.editorToken = token

    // The aircraft, with an image uploaded through the gallery's "Create New" drawer.
    await page.goto(`${adminOrigin}/admin/collections/aircraft/create`)
    await page.locator('#field-name').fill(AIRCRAFT_NAME)
    await page.locator('#field-gallery .upload__createNewToggler').click()
    const drawer = page.locator('.drawer')
    await drawer
      .locator('input[type="file"]')
      .setInputFiles({ name: IMAGE_NAME, mimeType: 'image/png', buffer: await gradientImage(64, 48) })
    await drawer.locator('#field-alt').fill(IMAGE_ALT)
    // The admin also lists media with POST (method override); the upload is the plain POST.
    const upload = page.waitForResponse(
      (response) =>
        /\/api\/media(\?|$)/.test(response.url()) &&
        response.request().method() === 'POST' &&
        !response.request().headers()['x-payload-http-method-override'],
    )
    await drawer.locator('.bulk-upload--actions-bar__saveButtons').getByRole('button', { name: 'Save' }).click()
    expect((await upload).status()).toBe(201)
    await page.locator('#field-gallery').getByText(IMAGE_NAME).waitFor()

    // Editors only save drafts: no Publish button, ever.
    expect(await page.locator('#action-save').count()).toBe(0)
    await selectOption(page, 'field-workflowStatus', 'In review')
    await page.locator('#action-save-draft').click()
    await page.waitForURL(/\/admin\/collections\/aircraft\/\d+/)
    await page
      .locator('.payload-toast-container')
      .getByText(/successfully/i)
      .first()
      .waitFor()
    state.aircraftId = Number(/\/aircraft\/(\d+)/.exec(page.url())?.[1])

    const aircraft = await waitForDraft('aircraft', state.aircraftId, (doc) => doc.name === AIRCRAFT_NAME, 'the aircraft')
    expect(aircraft).toMatchObject({ _status: 'draft', workflowStatus: 'in_review' })
    expect(aircraft.gallery).toHaveLength(1)
    state.mediaId = (aircraft.gallery as number[])[0]
    const { body: media } = await rest(`/media/${state.mediaId}`, token)
    expect(media).toMatchObject({ alt: IMAGE_ALT, mimeType: 'image/png', width: 64, height: 48 })
    expect(media.filename).toBe(IMAGE_NAME)

    // The article: autosave creates the draft as soon as the editor opens "create".
    await page.goto(`${adminOrigin}/admin/collections/articles/create`)
    await page.waitForURL(/\/admin\/collections\/articles\/\d+/)
    state.articleId = Number(/\/articles\/(\d+)/.exec(page.url())?.[1])
    await page.locator('#field-title').fill(ARTICLE_TITLE)
    const titled = await waitForDraft('articles', state.articleId, (doc) => doc.title === ARTICLE_TITLE, 'the title')
    state.slug = titled.slug as string
    expect(state.slug).toBeTruthy()

    await selectOption(page, 'field-related', AIRCRAFT_NAME, AIRCRAFT_NAME)
    await waitForDraft(
      'articles',
      state.articleId,
      (doc) => relatedOf(doc).some((entry) => entry.relationTo === 'aircraft' && entry.value === state.aircraftId),
      'the related aircraft',
    )

    expect(await page.locator('#action-save').count()).toBe(0)
    await selectOption(page, 'field-workflowStatus', 'In review')
    const submitted = await waitForDraft('articles', state.articleId, (doc) => doc.workflowStatus === 'in_review', 'the submission')
    expect(submitted).toMatchObject({
      title: ARTICLE_TITLE,
      _status: 'draft',
      related: [{ relationTo: 'aircraft', value: state.aircraftId }],
    })
  })

  it('shows the public nothing of the drafts in review', async () => {
    const { articleId, aircraftId, slug } = state
    expect(articleId && aircraftId && slug, 'the editor step did not finish').toBeTruthy()
    expect((await rest(`/articles/${articleId}`)).status).toBe(404)
    expect((await rest(`/articles/${articleId}?draft=true`)).status).toBe(404)
    expect((await rest(`/aircraft/${aircraftId}?draft=true`)).status).toBe(404)
    for (const query of [`where[slug][equals]=${slug}`, `where[slug][equals]=${slug}&draft=true`]) {
      expect((await rest(`/articles?${query}`)).body.totalDocs).toBe(0)
    }
  })

  it('a moderator publishes the article and the aircraft; the public then sees the article with the aircraft in related', async () => {
    screenshotOnFailure('workflow-moderator', () => pages)
    const { articleId, aircraftId, slug } = state
    expect(articleId && aircraftId && slug, 'the editor step did not finish').toBeTruthy()
    const { page } = await signIn('moderator@e2e.test')

    const publish = async (collection: string, id: number): Promise<void> => {
      await page.goto(`${adminOrigin}/admin/collections/${collection}/${id}`)
      await expect(page.locator('#field-workflowStatus .rs__single-value').innerText()).resolves.toBe('In review')
      const saved = page.waitForResponse(
        (response) => response.url().includes(`/api/${collection}/${id}?`) && response.request().method() === 'PATCH',
      )
      await page.locator('#action-save').click()
      expect((await saved).status()).toBe(200)
      await page
        .locator('.payload-toast-container')
        .getByText(/successfully/i)
        .first()
        .waitFor()
    }

    // The article first: published, but its related aircraft is still a draft and stays hidden.
    await publish('articles', articleId as number)
    const early = await rest(`/articles/${articleId}?depth=1`)
    expect(early.status).toBe(200)
    expect(early.body).toMatchObject({ title: ARTICLE_TITLE, slug, _status: 'published', workflowStatus: 'published' })
    expect(early.body.publishedAt).toBeTruthy()
    expect(relatedOf(early.body)).toEqual([])

    // Then the aircraft: now the public finds it, with its image, in the article's related entries.
    await publish('aircraft', aircraftId as number)
    const { status, body: article } = await rest(`/articles/${articleId}?depth=2`)
    expect(status).toBe(200)
    expect(relatedOf(article)).toHaveLength(1)
    const [entry] = relatedOf(article)
    expect(entry.relationTo).toBe('aircraft')
    expect(entry.value).toMatchObject({ id: aircraftId, name: AIRCRAFT_NAME, _status: 'published', workflowStatus: 'published' })
    const [image] = (entry.value as Doc).gallery as Doc[]
    expect(image).toMatchObject({ id: state.mediaId, alt: IMAGE_ALT, mimeType: 'image/png' })
    const file = await fetch(`${server.url}${new URL(image.url as string, server.url).pathname}`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('image/png')

    const { body: list } = await rest(`/articles?where[slug][equals]=${slug}`)
    expect(list.totalDocs).toBe(1)
  })
})
