import { SMTPServer } from 'smtp-server'

import { freePort } from './freePort'

export type ReceivedMail = { from: string; to: string[]; raw: string; subject: string; body: string }

export type LocalSmtpServer = {
  port: number
  user: string
  password: string
  received: ReceivedMail[]
  /** Resolves with the first message to `address` (already received or still to come). */
  waitFor: (address: string, timeoutMs?: number) => Promise<ReceivedMail>
  stop: () => Promise<void>
}

/** Undoes quoted-printable (soft line breaks and =XX), which nodemailer uses for HTML bodies. */
const decodeQuotedPrintable = (text: string): string =>
  Buffer.from(
    text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8')

const decodeBody = (raw: string): string => {
  const body = raw.slice(raw.search(/\r?\n\r?\n/))
  if (/Content-Transfer-Encoding:\s*base64/i.test(raw)) {
    return body.replace(/[A-Za-z0-9+/=\r\n]{40,}/g, (block) => Buffer.from(block.replace(/\s/g, ''), 'base64').toString('utf8'))
  }
  return decodeQuotedPrintable(body)
}

/**
 * A real SMTP server on a free local port (the `smtp-server` package), requiring AUTH PLAIN/LOGIN
 * with `user`/`password`, keeping every message it accepts.
 */
export const startSmtpServer = async (): Promise<LocalSmtpServer> => {
  const user = 'cms-test'
  const password = 'smtp-test-password'
  const received: ReceivedMail[] = []
  const waiters: { address: string; resolve: (mail: ReceivedMail) => void }[] = []
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth: (auth, _session, callback) => {
      if (auth.username === user && auth.password === password) callback(null, { user })
      else callback(new Error('Invalid username or password'))
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const mail: ReceivedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          subject: /^Subject: (.*)$/im.exec(raw)?.[1]?.trim() ?? '',
          body: decodeBody(raw),
        }
        received.push(mail)
        for (const waiter of waiters.splice(0)) {
          if (mail.to.includes(waiter.address)) waiter.resolve(mail)
          else waiters.push(waiter)
        }
        callback()
      })
    },
  })
  const port = await freePort()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  return {
    port,
    user,
    password,
    received,
    waitFor: (address, timeoutMs = 15_000) => {
      const already = received.find((mail) => mail.to.includes(address))
      if (already) return Promise.resolve(already)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no email to ${address} within ${timeoutMs} ms`)), timeoutMs)
        waiters.push({ address, resolve: (mail) => (clearTimeout(timer), resolve(mail)) })
      })
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
