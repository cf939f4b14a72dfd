import type { EndpointDocumentation } from '../../apiDocs'
import { authDocumentationParts } from '../endpoints/documentation'

const { TAGS, json, error, tokenPair, tooMany, anonymous, bearer } = authDocumentationParts

const redirectParameter = {
  name: 'redirect',
  in: 'query' as const,
  required: true,
  description: 'Frontend URL (an ALLOWED_ORIGINS origin) the browser is sent back to.',
  schema: { type: 'string', format: 'uri' },
}

const unavailable = {
  description: 'The sign-in state store (Redis) is unavailable; see Retry-After.',
  headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } },
  content: json({ $ref: '#/components/schemas/Error' }),
}

export const oauthStartDocumentation = (label: string): EndpointDocumentation => ({
  tags: TAGS,
  summary: `Start ${label} sign-in: redirects to ${label}`,
  description: `Authorization code flow with PKCE (S256) and a single-use \`state\` (10 minutes) bound to this browser by an HttpOnly cookie. 404 when ${label} is not configured.`,
  security: anonymous,
  parameters: [redirectParameter],
  responses: {
    '302': { description: `To ${label}'s consent page.`, headers: { Location: { schema: { type: 'string' } } } },
    '400': error('redirect is missing or not an allowed origin.'),
    '404': error(`${label} sign-in is not enabled on this server.`),
    '429': tooMany,
    '503': unavailable,
  },
})

export const oauthLinkDocumentation = (label: string): EndpointDocumentation => ({
  tags: TAGS,
  summary: `Start linking ${label} to the signed-in account`,
  description: `Answers the URL to send the browser to (and sets the state cookie: call with credentials). After consent the callback links the ${label} account and redirects to \`redirect#linked=<provider>\`.`,
  security: bearer,
  parameters: [redirectParameter],
  responses: {
    '200': {
      description: 'Where to send the browser.',
      content: json({
        type: 'object',
        properties: { authorizationUrl: { type: 'string', format: 'uri' } },
        required: ['authorizationUrl'],
      }),
    },
    '400': error('redirect is missing or not an allowed origin.'),
    '401': error('Not signed in.'),
    '404': error(`${label} sign-in is not enabled on this server.`),
    '429': tooMany,
    '503': unavailable,
  },
})

export const oauthCallbackDocumentation = (label: string): EndpointDocumentation => ({
  tags: TAGS,
  summary: `${label} redirects here; redirects to the frontend with the token pair in the fragment`,
  description:
    'The fragment is `#accessToken=…&refreshToken=…&tokenType=Bearer&expiresIn=…` (or `#linked=<provider>` when linking). ' +
    'Signs in the linked account; else links to the account with the email the provider verified; else creates an account.',
  security: anonymous,
  parameters: [
    { name: 'code', in: 'query', description: `Authorization code from ${label}.`, schema: { type: 'string' } },
    { name: 'state', in: 'query', description: 'The state from the start step (single use).', schema: { type: 'string' } },
    { name: 'error', in: 'query', description: 'Set by the provider when the user declined.', schema: { type: 'string' } },
  ],
  responses: {
    '302': { description: 'To the frontend.', headers: { Location: { schema: { type: 'string' } } } },
    '400': error('Unknown, used or expired state, another browser, or a missing code; `field` names it.'),
    '401': error('Cancelled, or the provider refused the code (used, expired, or the PKCE verifier does not match).'),
    '403': error('The provider did not tell which account signed in.'),
    '404': error(`${label} sign-in is not enabled on this server.`),
    '409': error('Linking: this provider account is linked to another account.'),
    '429': tooMany,
    '502': error(`${label} could not be reached.`),
    '503': unavailable,
  },
})

// The widget's HMAC field is named in prose only: the document must never carry a property called
// like the users' password hash (tests/int/platform/apiDocs checks the whole document for it).
const telegramWidget = json({
  type: 'object',
  description:
    'The Telegram Login Widget data, as the widget hands it over: id, first_name, last_name, username, photo_url, auth_date and ' +
    'the hash field (hex HMAC-SHA256 of the data-check-string keyed by SHA-256 of the bot token), which is required.',
  properties: {
    id: { type: 'integer' },
    first_name: { type: 'string' },
    last_name: { type: 'string' },
    username: { type: 'string' },
    photo_url: { type: 'string' },
    auth_date: { type: 'integer', description: 'Unix time of the login; older than TELEGRAM_LOGIN_MAX_AGE_SECONDS is refused.' },
  },
  additionalProperties: { type: 'string' },
  required: ['id', 'auth_date'],
})

export const telegramSignInDocumentation: EndpointDocumentation = {
  tags: TAGS,
  summary: 'Sign in with the Telegram Login Widget',
  description: 'Telegram shares no email: the Telegram account signs in to the account it is linked to, or to a new account of its own.',
  security: anonymous,
  requestBody: { required: true, content: telegramWidget },
  responses: {
    '200': { description: 'Signed in.', content: json(tokenPair) },
    '201': { description: 'A new account, signed in.', content: json(tokenPair) },
    '400': error('Malformed data; `field` names it.'),
    '401': error('Not signed by Telegram for this bot (forged), or too old.'),
    '404': error('Telegram sign-in is not enabled on this server.'),
    '429': tooMany,
  },
}

export const telegramLinkDocumentation: EndpointDocumentation = {
  tags: TAGS,
  summary: 'Link a Telegram account to the signed-in account',
  security: bearer,
  requestBody: { required: true, content: telegramWidget },
  responses: {
    '201': {
      description: 'Linked.',
      content: json({
        type: 'object',
        properties: {
          provider: { type: 'string' },
          displayName: { type: ['string', 'null'] },
          linkedAt: { type: 'string', format: 'date-time' },
        },
      }),
    },
    '400': error('Malformed data; `field` names it.'),
    '401': error('Not signed in, or the Telegram data is forged or too old.'),
    '404': error('Telegram sign-in is not enabled on this server.'),
    '409': error('This Telegram account is linked to another account.'),
    '429': tooMany,
  },
}

export const listIdentitiesDocumentation: EndpointDocumentation = {
  tags: TAGS,
  summary: "The caller's ways to sign in: linked providers, and whether a password works",
  security: bearer,
  responses: {
    '200': {
      description: 'Oldest link first.',
      content: json({
        type: 'object',
        properties: {
          password: { type: 'boolean', description: 'False for an account a provider created, until a password is set (reset).' },
          identities: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                provider: { type: 'string', enum: ['google', 'vk', 'yandex', 'telegram'] },
                displayName: { type: ['string', 'null'] },
                email: { type: ['string', 'null'], description: 'The email the provider verified, if any.' },
                linkedAt: { type: 'string', format: 'date-time' },
                lastSignInAt: { type: ['string', 'null'], format: 'date-time' },
              },
              required: ['provider', 'linkedAt'],
            },
          },
        },
        required: ['password', 'identities'],
      }),
    },
    '401': error('Not signed in.'),
    '429': tooMany,
  },
}

export const unlinkIdentityDocumentation: EndpointDocumentation = {
  tags: TAGS,
  summary: 'Unlink a provider from the caller',
  security: bearer,
  parameters: [{ name: 'provider', in: 'path', required: true, schema: { type: 'string', enum: ['google', 'vk', 'yandex', 'telegram'] } }],
  responses: {
    '204': { description: 'Unlinked.' },
    '400': error('Unknown provider.'),
    '401': error('Not signed in.'),
    '404': error('That provider is not linked to your account.'),
    '409': error('It is the last way to sign in (no password, no other provider).'),
    '429': tooMany,
  },
}
