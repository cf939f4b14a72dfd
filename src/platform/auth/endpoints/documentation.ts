import { errorResponse, json, type EndpointDocumentation } from '../../apiDocs'
import { ROLES } from '../roles'
import { MIN_PASSWORD_LENGTH } from './validation'

/**
 * The OpenAPI documentation of the token contract (/api/auth/*), carried by each endpoint in
 * `custom.openapi` so /api/openapi.json describes what the handlers really take and return.
 */

const TAGS = ['auth']

const profile = {
  type: 'object',
  description: "The signed-in user's own profile (nothing secret).",
  properties: {
    id: { type: 'integer' },
    email: { type: 'string', format: 'email' },
    name: { type: ['string', 'null'] },
    roles: { type: 'array', items: { type: 'string', enum: [...ROLES] } },
    avatar: { description: 'Avatar id, or the avatar document.' },
    bio: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'email', 'roles'],
}

export const tokenPair = {
  type: 'object',
  properties: {
    user: profile,
    accessToken: { type: 'string', description: 'Short-lived JWT: send it as `Authorization: Bearer <token>`.' },
    refreshToken: { type: 'string', description: 'Single use: /api/auth/refresh spends it and returns a new pair.' },
    tokenType: { type: 'string', const: 'Bearer' },
    expiresIn: { type: 'integer', description: 'Seconds until the access token expires.' },
  },
  required: ['user', 'accessToken', 'refreshToken', 'tokenType', 'expiresIn'],
}

/** The password was right but a second factor is due (two-factor sign-in, or REQUIRE_STAFF_2FA). */
export const twoFactorChallenge = {
  type: 'object',
  properties: {
    twoFactorRequired: { type: 'boolean', const: true },
    step: {
      type: 'string',
      enum: ['verify', 'enrol'],
      description: 'verify: POST /api/auth/2fa/verify; enrol: POST /api/auth/2fa/enrol then /confirm.',
    },
    challenge: { type: 'string', description: 'Short-lived; send it with the code.' },
    expiresIn: { type: 'integer', description: 'Seconds the challenge stays valid.' },
  },
  required: ['twoFactorRequired', 'step', 'challenge', 'expiresIn'],
}

export const tooMany = {
  description: 'Too many attempts from this client or for this account; see Retry-After.',
  headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } },
  content: json({ $ref: '#/components/schemas/Error' }),
}

export const anonymous: EndpointDocumentation['security'] = []
export const bearer: EndpointDocumentation['security'] = [{ bearerAuth: [] }]

export const registerDocumentation: EndpointDocumentation = {
  tags: TAGS,
  summary: 'Create an account (role user) and sign in',
  security: anonymous,
  requestBody: {
    required: true,
    content: json({
      type: 'object',
      properties: {
        email: { type: 'string', format: 'email', maxLength: 254 },
        password: { type: 'string', format: 'password', minLength: MIN_PASSWORD_LENGTH, maxLength: 256 },
        name: { type: ['string', 'null'], maxLength: 120 },
      },
      required: ['email', 'password'],
    }),
  },
  responses: {
    '201': {
      description:
        'Created and signed in; with REQUIRE_EMAIL_VERIFICATION, created and a confirmation link emailed (no tokens until it is followed).',
      content: json({
        oneOf: [
          tokenPair,
          {
            type: 'object',
            properties: { user: profile, verificationRequired: { type: 'boolean', const: true } },
            required: ['user', 'verificationRequired'],
          },
        ],
      }),
    },
    '400': errorResponse('Invalid input; `field` names it (email, password, name, body).'),
    '409': errorResponse('An account with this email already exists.'),
    '429': tooMany,
  },
}

export const loginDocumentation: EndpointDocumentation = {
  tags: TAGS,
  summary: 'Sign in with email and password: an access and a refresh token',
  security: anonymous,
  requestBody: {
    required: true,
    content: json({
      type: 'object',
      properties: { email: { type: 'string', format: 'email' }, password: { type: 'string', format: 'password' } },
      required: ['email', 'password'],
    }),
  },
  responses: {
    '200': {
      description: 'Signed in (a token pair), or, when the account has two-factor sign-in, a challenge and no tokens.',
      content: json({ oneOf: [tokenPair, twoFactorChallenge] }),
    },
    '400': errorResponse('Missing email or password; `field` names it.'),
    '401': errorResponse('Invalid email or password.'),
    '423': errorResponse('Locked for a while after too many failed attempts.'),
    '429': tooMany,
  },
}

export const verifyEmailDocumentation: EndpointDocumentation = {
  tags: TAGS,
  summary: 'Confirm an email address (the link in the verification email, REQUIRE_EMAIL_VERIFICATION)',
  security: anonymous,
  parameters: [{ name: 'token', in: 'query', required: true, schema: { type: 'string' } }],
  responses: {
    '200': {
      description: 'Confirmed: the account can sign in.',
      content: json({ type: 'object', properties: { verified: { type: 'boolean', const: true }, message: { type: 'string' } } }),
    },
    '400': errorResponse('The token is missing, invalid or already used (`field`: token).'),
    '429': tooMany,
  },
}

export const refreshDocumentation: EndpointDocumentation = {
  tags: TAGS,
  summary: 'Spend a refresh token for a new token pair (rotation)',
  description: 'A refresh token works once. Presenting a spent one again ends the whole session (it was copied).',
  security: anonymous,
  requestBody: {
    required: true,
    content: json({ type: 'object', properties: { refreshToken: { type: 'string' } }, required: ['refreshToken'] }),
  },
  responses: {
    '200': { description: 'A new pair.', content: json(tokenPair) },
    '400': errorResponse('refreshToken is missing.'),
    '401': errorResponse('Invalid, expired or already used.'),
    '429': tooMany,
  },
}

export const logoutDocumentation: EndpointDocumentation = {
  tags: TAGS,
  summary: 'End this session: its tokens stop working at once',
  security: bearer,
  responses: { '204': { description: 'Signed out.' }, '401': errorResponse('Not signed in.'), '429': tooMany },
}

export const logoutAllDocumentation: EndpointDocumentation = {
  tags: TAGS,
  summary: 'End every session of the user (every device, every socket)',
  security: bearer,
  responses: { '204': { description: 'All sessions ended.' }, '401': errorResponse('Not signed in.'), '429': tooMany },
}

export const listSessionsDocumentation: EndpointDocumentation = {
  tags: TAGS,
  summary: "The user's live sessions, the current one marked",
  security: bearer,
  responses: {
    '200': {
      description: 'Newest first.',
      content: json({
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            createdAt: { type: 'string', format: 'date-time' },
            lastUsedAt: { type: ['string', 'null'], format: 'date-time' },
            userAgent: { type: ['string', 'null'] },
            ip: { type: ['string', 'null'] },
            current: { type: 'boolean' },
          },
          required: ['id', 'createdAt', 'current'],
        },
      }),
    },
    '401': errorResponse('Not signed in.'),
    '429': tooMany,
  },
}

export const revokeSessionDocumentation: EndpointDocumentation = {
  tags: TAGS,
  summary: 'End one of your own sessions',
  security: bearer,
  parameters: [
    { name: 'id', in: 'path', required: true, description: 'Session id from GET /api/auth/sessions.', schema: { type: 'string' } },
  ],
  responses: {
    '204': { description: 'Ended.' },
    '401': errorResponse('Not signed in.'),
    '404': errorResponse("No such session of yours (other users' ids are 404 too)."),
    '429': tooMany,
  },
}

export const googleStartDocumentation: EndpointDocumentation = {
  tags: TAGS,
  summary: 'Start Google sign-in: redirects to Google',
  description:
    'passport-google-oauth20 with PKCE (S256). Sets an HttpOnly state cookie binding the sign-in to this browser; the state works once. 404 when Google sign-in is not configured.',
  security: anonymous,
  parameters: [
    {
      name: 'redirect',
      in: 'query',
      required: true,
      description: 'Frontend URL (an ALLOWED_ORIGINS origin) that receives the tokens in its fragment.',
      schema: { type: 'string', format: 'uri' },
    },
  ],
  responses: {
    '302': { description: "To Google's consent page.", headers: { Location: { schema: { type: 'string' } } } },
    '400': errorResponse('redirect is missing or not an allowed origin.'),
    '404': errorResponse('Google sign-in is not enabled on this server.'),
    '429': tooMany,
    '503': errorResponse('The sign-in state store (Redis) is unavailable; see Retry-After.'),
  },
}

export const googleCallbackDocumentation: EndpointDocumentation = {
  tags: TAGS,
  summary: 'Google redirects here; redirects to the frontend with the token pair in the fragment',
  description:
    'The fragment is `#accessToken=…&refreshToken=…&tokenType=Bearer&expiresIn=…`. Creates the user on first sign-in, or links by verified email.',
  security: anonymous,
  parameters: [
    { name: 'code', in: 'query', description: 'Authorization code from Google.', schema: { type: 'string' } },
    { name: 'state', in: 'query', description: 'The signed state from the start step.', schema: { type: 'string' } },
    { name: 'error', in: 'query', description: 'Set by Google when the user declined.', schema: { type: 'string' } },
  ],
  responses: {
    '302': { description: 'To the frontend, tokens in the URL fragment.', headers: { Location: { schema: { type: 'string' } } } },
    '400': errorResponse('Bad, expired or already used state, or missing code; `field` names it.'),
    '401': errorResponse('Cancelled, or Google refused the code (used, expired, or a PKCE verifier that does not match).'),
    '403': errorResponse('The Google account has no verified email.'),
    '404': errorResponse('Google sign-in is not enabled on this server.'),
    '429': tooMany,
    '502': errorResponse('Google could not be reached.'),
  },
}

/** Shared pieces for the documentation of the other /api/auth/* endpoints (identities, providers). */
export const authDocumentationParts = { TAGS, json, error: errorResponse, tokenPair, tooMany, anonymous, bearer }
