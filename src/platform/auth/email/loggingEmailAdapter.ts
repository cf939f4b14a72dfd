import type { EmailAdapter, SendEmailOptions } from 'payload'

export type LoggedEmail = { to: string; subject: string; html: string; text: string }

const RECENT_LIMIT = 20
const recent: LoggedEmail[] = ((globalThis as Record<symbol, unknown>)[Symbol.for('cms.recentEmails')] ??= []) as LoggedEmail[]

/** The last emails "sent" in this process (development and tests only). */
export const recentEmails = (): readonly LoggedEmail[] => recent

const addressList = (value: SendEmailOptions['to']): string =>
  (Array.isArray(value) ? value : [value])
    .filter(Boolean)
    .map((entry) => (typeof entry === 'string' ? entry : entry?.address))
    .join(', ')

/**
 * No mail transport yet: emails (forgot-password links) are written to the log. In development the
 * whole message is logged, so the reset link can be copied from the console; in production only who
 * and what, because a reset link in a log is a credential.
 */
export const loggingEmailAdapter =
  ({ fromAddress, fromName, production }: { fromAddress: string; fromName: string; production: boolean }): EmailAdapter =>
  ({ payload }) => ({
    name: 'logging',
    defaultFromAddress: fromAddress,
    defaultFromName: fromName,
    sendEmail: async (message) => {
      const email: LoggedEmail = {
        to: addressList(message.to),
        subject: String(message.subject ?? ''),
        html: typeof message.html === 'string' ? message.html : '',
        text: typeof message.text === 'string' ? message.text : '',
      }
      if (production) {
        payload.logger.warn({ to: email.to, subject: email.subject }, 'email not sent: no mail transport is configured')
        return
      }
      recent.push(email)
      if (recent.length > RECENT_LIMIT) recent.splice(0, recent.length - RECENT_LIMIT)
      payload.logger.info({ email }, 'email (logged, not sent)')
    },
  })
