import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { EmailAdapter } from 'payload'

import type { MailConfig, SmtpConfig } from '../../config'
import { loggingEmailAdapter } from './loggingEmailAdapter'

type MailOptions = { mail: MailConfig; fromAddress: string; fromName: string; production: boolean }

const transportOptions = (smtp: SmtpConfig) =>
  'url' in smtp
    ? { url: smtp.url }
    : {
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password } } : {}),
      }

/**
 * SMTP (SMTP_URL or SMTP_HOST…) when configured; otherwise the logging adapter, which in
 * production sends nothing: that start warns once, since password reset and verification rely on mail.
 */
export const mailAdapter = ({ mail, fromAddress, fromName, production }: MailOptions): EmailAdapter | Promise<EmailAdapter> => {
  if (mail.smtp) {
    // The transport is checked once at start (Payload logs a failure) instead of on the first email.
    return nodemailerAdapter({
      defaultFromAddress: fromAddress,
      defaultFromName: fromName,
      transportOptions: transportOptions(mail.smtp) as never,
    })
  }
  const logging = loggingEmailAdapter({ fromAddress, fromName, production })
  if (!production) return logging
  return (args) => {
    args.payload.logger.warn(
      'No mail transport is configured (SMTP_URL or SMTP_HOST): password-reset and verification emails are not sent.',
    )
    return logging(args)
  }
}
