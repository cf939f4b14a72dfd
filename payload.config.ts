import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig, type Config } from 'payload'
import { en } from '@payloadcms/translations/languages/en'
import { ru } from '@payloadcms/translations/languages/ru'
import sharp from 'sharp'

import {
  AuthIdentities,
  AuthSessions,
  createUsersCollection,
  mailAdapter,
  mergeAccessPolicies,
  TwoFactorCredentials,
  tokenEndpoints,
  withPayloadCollectionsAccess,
} from './src/platform/auth'
import { payloadCollectionsAccess, platformAccessPolicy } from './src/platform/accessPolicy'
import { effectiveDatabaseUrl, getAppConfig } from './src/platform/config'
import { databaseAdapter } from './src/platform/database'
import { createFavoritesCollection } from './src/platform/favorites'
import { EventOutbox, publishesEvents } from './src/platform/events'
import { realtimePlugin } from './src/platform/realtime/subscriptions/realtimePlugin'
import { animeAccessPolicy, animeCollections, animeFavoriteTargets, animeOwnedCollections } from './src/domains/anime'
import { animeSearchQueries } from './src/domains/anime/search'
import {
  aviationAccessPolicy,
  aviationCollections,
  aviationFavoriteTargets,
  aviationGlobals,
  scheduledPublishingJobs,
} from './src/domains/aviation'
import { responseCachePlugin } from './src/platform/cache/responseCache'
import { createAvatarsCollection, createMediaCollection, mediaStoragePlugin } from './src/platform/media'
import { attachPoolErrorListener } from './src/platform/database/attachPoolErrorListener'
import { closePoolsOnShutdown } from './src/platform/database/closeOnShutdown'
import { localizedJoinSortPlugin } from './src/platform/database/localizedJoinSortPlugin'
import { payloadLoggerOptions } from './src/platform/observability/logger'
import { observabilityPlugin } from './src/platform/observability/observabilityPlugin'
import { apiDocsEndpoints } from './src/platform/apiDocs'
import { writeGuardPlugin } from './src/platform/auth/writeGuard'
import { answerMalformedBody } from './src/platform/http/malformedBody'
import { readParamsPlugin } from './src/platform/http/readParams'
import { cachedCollections, cachedGlobals } from './src/cachedContent'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const app = getAppConfig()
const mediaDir = path.resolve(dirname, 'media')

const Users = createUsersCollection({
  security: app.security,
  identity: app.identity,
  mail: app.mail,
  serverUrl: app.serverUrl,
  ownedCollections: [
    { collection: 'auth-identities', ownerField: 'user' },
    { collection: 'two-factor-credentials', ownerField: 'user' },
    { collection: 'avatars', ownerField: 'owner' },
    { collection: 'favorites', ownerField: 'user' },
    ...animeOwnedCollections,
  ],
})

/**
 * Who may do what, for every collection and global (Payload's own included): the platform's table
 * and each domain's. tests/int/platform/access holds the built config to it.
 */
export const accessPolicy = mergeAccessPolicies(
  platformAccessPolicy,
  { collections: payloadCollectionsAccess, globals: {} },
  animeAccessPolicy,
  aviationAccessPolicy,
)

export default withPayloadCollectionsAccess(
  buildConfig({
    serverURL: app.serverUrl,
    secret: app.security.secret,
    admin: {
      user: Users.slug,
      importMap: { baseDir: path.resolve(dirname, 'src') },
      meta: { titleSuffix: ' · Kitsu & FrankenJet CMS' },
      // Payload's default (gravatar) loads an image from gravatar.com for every account: a broken image
      // where that host is unreachable (and each editor's email hash sent to a third party).
      avatar: 'default',
      components: {
        // Two-factor sign-in: Payload's login form cannot ask for a code, so accounts that need one
        // continue at /admin/two-factor (linked under the form and named in the refusal message).
        afterLogin: ['/platform/auth/twoFactor/admin/TwoFactorLoginLink#TwoFactorLoginLink'],
        views: {
          twoFactor: { Component: '/platform/auth/twoFactor/admin/TwoFactorView#TwoFactorView', path: '/two-factor', exact: true },
        },
      },
    },
    collections: [
      Users,
      AuthSessions,
      AuthIdentities,
      TwoFactorCredentials,
      createMediaCollection({ staticDir: mediaDir, maxImagePixels: app.storage.maxImagePixels }),
      createAvatarsCollection({
        staticDir: path.join(mediaDir, 'avatars'),
        maxBytes: app.storage.avatarMaxBytes,
        maxImagePixels: app.storage.maxImagePixels,
      }),
      // Favorites change for their owner's realtime subscriptions; the event carries no content.
      publishesEvents(createFavoritesCollection({ itemCollections: [...animeFavoriteTargets, ...aviationFavoriteTargets] }), {
        summary: () => ({}),
      }),
      ...animeCollections,
      ...aviationCollections,
      EventOutbox,
    ],
    globals: [...aviationGlobals],
    endpoints: [...tokenEndpoints, ...apiDocsEndpoints],
    // Content in Russian (default) and English; a missing translation falls back to Russian.
    localization: {
      locales: [
        { code: 'ru', label: 'Русский' },
        { code: 'en', label: 'English' },
      ],
      defaultLocale: 'ru',
      fallback: true,
    },
    i18n: { supportedLanguages: { en, ru }, fallbackLanguage: 'en' },
    jobs: scheduledPublishingJobs,
    email: mailAdapter({
      mail: app.mail,
      fromAddress: app.identity.emailFrom.address,
      fromName: app.identity.emailFrom.name,
      production: app.production,
    }),
    editor: lexicalEditor(),
    db: databaseAdapter({
      url: effectiveDatabaseUrl(app.database),
      readReplicaUrls: app.database.readReplicaUrls,
      pool: app.database.pool,
      timeouts: app.database.timeouts,
      debug: app.debug,
      leanReads: app.database.leanReads,
      migrationDir: path.resolve(dirname, 'migrations'),
    }),
    cors: app.security.allowedOrigins,
    csrf: app.security.allowedOrigins,
    graphQL: {
      disablePlaygroundInProduction: true,
      disableIntrospectionInProduction: true,
      queries: animeSearchQueries,
    },
    upload: {
      limits: { fileSize: app.storage.maxUploadBytes },
    },
    // JSON lines like the server's own, each carrying the id of the request it was written for.
    logger: { options: payloadLoggerOptions(app.observability.logLevel) },
    // A denied request or a failed sign-in is routine, not an error worth a stack trace. Names are
    // minified in the production build: the logger also maps any 4xx error to info (logger.ts).
    // GraphQLError is left out on purpose: it wraps 500s too, which must stay errors.
    loggingLevels: {
      Forbidden: 'info',
      ValidationError: 'info',
      QueryError: 'info',
      AuthenticationError: 'info',
      LockedAuth: 'info',
      TooManyRequestsError: 'info',
      TwoFactorRequiredError: 'info',
      UnverifiedEmail: 'info',
      DuplicateFavoriteError: 'info',
      UnsupportedJoinSortError: 'info',
      // 503s during an outage: the availability monitor logs the outage once instead.
      DatabaseUnavailableError: false,
    } as Config['loggingLevels'],
    hooks: {
      afterError: [answerMalformedBody],
    },
    // The cache plugin goes last: it reads every collection's fields to know what invalidates what.
    plugins: [
      observabilityPlugin(),
      localizedJoinSortPlugin(),
      readParamsPlugin({ limits: app.api }),
      mediaStoragePlugin(app.storage),
      writeGuardPlugin(),
      realtimePlugin({
        userCollection: Users.slug,
        // Read the same by every non-staff reader (the cached ones): such subscribers share one read.
        sharedCollections: cachedCollections,
        limits: app.services.realtime,
      }),
      responseCachePlugin({ cachedCollections, cachedGlobals }),
    ],
    sharp,
    typescript: {
      outputFile: path.resolve(dirname, 'src/payload-types.ts'),
    },
    onInit: async (payload) => {
      attachPoolErrorListener(payload)
      closePoolsOnShutdown(payload)
      if (app.debug) payload.logger.warn('DEBUG=true: SQL statements are logged. Never run production like this.')
    },
  }),
  payloadCollectionsAccess,
)
