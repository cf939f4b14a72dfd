import type { Field, IncomingAuthType } from 'payload'

import type { MailConfig } from '@/platform/config'
import { adminOrSelfField } from '../../access/adminOrSelfField'
import { isAdminField } from '../../access/isAdminField'

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/** The link in the verification email: GET /api/auth/verify-email?token=… (verifyEmailEndpoint). */
export const verificationLink = (serverUrl: string, token: string): string =>
  `${serverUrl}/api/auth/verify-email?token=${encodeURIComponent(token)}`

/**
 * `auth.verify` of users: on with REQUIRE_EMAIL_VERIFICATION (new accounts sign in only after
 * following the emailed link), off otherwise.
 */
export const emailVerificationOption = (mail: MailConfig, serverUrl: string): IncomingAuthType['verify'] =>
  mail.requireEmailVerification
    ? {
        generateEmailSubject: () => 'Confirm your email address',
        generateEmailHTML: ({ token, user }) => {
          const link = escapeHtml(verificationLink(serverUrl, String(token)))
          const name = typeof user?.name === 'string' && user.name ? escapeHtml(user.name) : 'there'
          return `<p>Hello ${name},</p><p>Confirm your email address to finish creating your account:</p><p><a href="${link}">${link}</a></p><p>If you did not sign up, ignore this message.</p>`
        },
      }
    : false

/**
 * Payload's verification columns, declared by us whether or not verification is on, so the schema
 * (and the migrations) stay the same both ways; merged into Payload's own fields when it is on.
 * Accounts made while verification is off count as verified, so switching it on later locks no one out.
 */
export const verificationFields = (mail: MailConfig): Field[] => [
  {
    name: '_verified',
    type: 'checkbox',
    // A function, not a constant: the column gets no default that would depend on the environment.
    defaultValue: () => !mail.requireEmailVerification,
    access: { read: adminOrSelfField, create: isAdminField, update: isAdminField },
    admin: { position: 'sidebar', readOnly: false },
    label: 'Email verified',
  },
  {
    name: '_verificationToken',
    type: 'text',
    hidden: true,
    access: { read: () => false, create: () => false, update: () => false },
  },
]
