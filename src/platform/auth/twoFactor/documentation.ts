import type { EndpointDocumentation } from '../../apiDocs'
import { errorResponse as error, json } from '../../apiDocs'
import { anonymous, bearer, tokenPair, tooMany } from '../endpoints/documentation'

/** OpenAPI documentation of /api/auth/2fa/* (each endpoint carries its own in `custom.openapi`). */

const TAGS = ['auth']

const codeProperty = { type: 'string', pattern: '^[0-9]{6}$', description: 'The 6 digits the authenticator app shows now.' }
const challengeProperty = { type: 'string', description: 'The challenge a password sign-in answered with.' }
const cookieProperty = {
  type: 'boolean',
  description: "true: set Payload's admin cookie (payload-token) instead of returning a token pair (the admin panel's two-factor view).",
}
const recoveryCodes = {
  type: 'array',
  items: { type: 'string' },
  minItems: 10,
  maxItems: 10,
  description: 'Ten one-time codes, shown only now.',
}
const adminSignIn = {
  type: 'object',
  properties: { user: { type: 'object' }, exp: { type: 'integer', description: 'When the admin cookie expires (Unix seconds).' } },
  description: 'With `cookie: true`: the session is in the Set-Cookie header.',
}

export const twoFactorStatusDocumentation: EndpointDocumentation = {
  tags: TAGS,
  summary: "The caller's two-factor sign-in: on or off, recovery codes left, whether their role requires it",
  security: bearer,
  responses: {
    '200': {
      description: 'Status.',
      content: json({
        type: 'object',
        properties: {
          enabled: { type: 'boolean' },
          enrolmentPending: { type: 'boolean' },
          recoveryCodesLeft: { type: 'integer' },
          required: { type: 'boolean', description: 'REQUIRE_STAFF_2FA is on and the caller is staff.' },
        },
        required: ['enabled', 'enrolmentPending', 'recoveryCodesLeft', 'required'],
      }),
    },
    '401': error('Not signed in.'),
    '429': tooMany,
  },
}

export const twoFactorEnrolDocumentation: EndpointDocumentation = {
  tags: TAGS,
  summary: 'Start enrolling a TOTP authenticator: a new secret, its otpauth URI and a QR code',
  description: 'Signed in (Bearer), or with an `enrol` challenge from a sign-in REQUIRE_STAFF_2FA stopped. Nothing changes until /confirm.',
  security: [...(bearer ?? []), ...(anonymous ?? [])],
  requestBody: { required: false, content: json({ type: 'object', properties: { challenge: challengeProperty } }) },
  responses: {
    '200': {
      description: 'Scan the QR code (or type the secret) into an authenticator app, then confirm with a code.',
      content: json({
        type: 'object',
        properties: {
          secret: { type: 'string', description: 'Base32.' },
          otpauthUri: { type: 'string' },
          qrCode: { type: 'string', description: 'data:image/png;base64,… of the otpauth URI.' },
        },
        required: ['secret', 'otpauthUri', 'qrCode'],
      }),
    },
    '401': error('Not signed in, or the challenge is invalid or expired.'),
    '409': error('Two-factor sign-in is already on.'),
    '429': tooMany,
  },
}

export const twoFactorConfirmDocumentation: EndpointDocumentation = {
  tags: TAGS,
  summary: 'Confirm the enrolment with a first code: two-factor sign-in goes on, ten recovery codes come back',
  description: 'With an `enrol` challenge, the interrupted sign-in completes too (a token pair, or the admin cookie with `cookie: true`).',
  security: [...(bearer ?? []), ...(anonymous ?? [])],
  requestBody: {
    required: true,
    content: json({
      type: 'object',
      properties: { code: codeProperty, challenge: challengeProperty, cookie: cookieProperty },
      required: ['code'],
    }),
  },
  responses: {
    '200': {
      description: 'On. With a challenge, also signed in.',
      content: json({
        type: 'object',
        properties: { enabled: { type: 'boolean', const: true }, recoveryCodes, ...tokenPair.properties },
        required: ['enabled', 'recoveryCodes'],
      }),
    },
    '400': error('code is missing; `field` names it.'),
    '401': error('Wrong code (`field`: code), not signed in, or the challenge is invalid or expired.'),
    '409': error('No enrolment is waiting, or two-factor sign-in is already on.'),
    '429': tooMany,
  },
}

export const twoFactorVerifyDocumentation: EndpointDocumentation = {
  tags: TAGS,
  summary: 'Finish a two-factor sign-in with a code or a recovery code (each recovery code works once)',
  security: anonymous,
  requestBody: {
    required: true,
    content: json({
      type: 'object',
      properties: { challenge: challengeProperty, code: codeProperty, recoveryCode: { type: 'string' }, cookie: cookieProperty },
      required: ['challenge'],
    }),
  },
  responses: {
    '200': { description: 'Signed in.', content: json({ oneOf: [tokenPair, adminSignIn] }) },
    '400': error('challenge, or both code and recoveryCode, missing; `field` names it.'),
    '401': error('Wrong or used code (`field`: code or recoveryCode), or the challenge is invalid or expired (`field`: challenge).'),
    '429': tooMany,
  },
}

export const twoFactorDisableDocumentation: EndpointDocumentation = {
  tags: TAGS,
  summary: 'Turn two-factor sign-in off (needs a current code)',
  security: bearer,
  requestBody: { required: true, content: json({ type: 'object', properties: { code: codeProperty }, required: ['code'] }) },
  responses: {
    '200': { description: 'Off.', content: json({ type: 'object', properties: { enabled: { type: 'boolean', const: false } } }) },
    '400': error('code is missing.'),
    '401': error('Not signed in, or the code is wrong.'),
    '403': error('Staff must keep two-factor sign-in (REQUIRE_STAFF_2FA).'),
    '409': error('Two-factor sign-in is not on.'),
    '429': tooMany,
  },
}
