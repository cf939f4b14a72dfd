import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import { mailAdapter } from '@/platform/auth/email/mailAdapter'
import { readMailConfig } from '@/platform/config/mail'
import { ConfigError } from '@/platform/config/ConfigError'

const fakePayload = () => {
  const warnings: unknown[][] = []
  const infos: unknown[][] = []
  const logger = { warn: (...args: unknown[]) => warnings.push(args), info: (...args: unknown[]) => infos.push(args) }
  return { payload: { logger } as unknown as Payload, warnings, infos }
}

const message = { to: 'someone@example.com', subject: 'Reset your password', html: '<a href="http://x/reset/abc">reset</a>', from: 'a@b.c' }

describe('mail without a transport', () => {
  it('warns once at a production start and sends (and logs) no message body', async () => {
    const { payload, warnings, infos } = fakePayload()
    const factory = await mailAdapter({ mail: readMailConfig({}), fromAddress: 'a@b.c', fromName: 'A', production: true })
    const adapter = factory({ payload })
    expect(warnings).toHaveLength(1)
    expect(String(warnings[0][0])).toMatch(/SMTP_URL or SMTP_HOST/)
    await adapter.sendEmail(message)
    await adapter.sendEmail(message)
    expect(JSON.stringify([...warnings, ...infos])).not.toContain('reset/abc')
  })

  it('logs the whole message in development, without warning at start', async () => {
    const { payload, warnings, infos } = fakePayload()
    const factory = await mailAdapter({ mail: readMailConfig({}), fromAddress: 'a@b.c', fromName: 'A', production: false })
    const adapter = factory({ payload })
    expect(warnings).toHaveLength(0)
    await adapter.sendEmail(message)
    expect(JSON.stringify(infos)).toContain('reset/abc')
  })
})

describe('mail configuration', () => {
  it('reads SMTP_URL first, else SMTP_HOST and the rest; refuses bad values naming the variable', () => {
    expect(readMailConfig({ SMTP_URL: 'smtps://u:p@mail.example.com:465', SMTP_HOST: 'ignored' }).smtp).toEqual({
      url: 'smtps://u:p@mail.example.com:465',
    })
    expect(readMailConfig({ SMTP_HOST: 'mail.example.com', SMTP_SECURE: 'true' }).smtp).toEqual({
      host: 'mail.example.com',
      port: 465,
      secure: true,
      user: undefined,
      password: undefined,
    })
    expect(readMailConfig({ SMTP_HOST: 'mail.example.com' }).smtp).toMatchObject({ port: 587, secure: false })
    expect(readMailConfig({}).smtp).toBeUndefined()
    expect(readMailConfig({}).requireEmailVerification).toBe(false)
    expect(() => readMailConfig({ SMTP_URL: 'http://mail.example.com' })).toThrow(ConfigError)
    expect(() => readMailConfig({ SMTP_URL: 'http://mail.example.com' })).toThrow(/SMTP_URL/)
    expect(() => readMailConfig({ SMTP_HOST: 'h', SMTP_USER: 'u' })).toThrow(/SMTP_PASSWORD/)
    expect(() => readMailConfig({ SMTP_HOST: 'h', SMTP_PORT: 'x' })).toThrow(/SMTP_PORT/)
    expect(() => readMailConfig({ REQUIRE_EMAIL_VERIFICATION: 'maybe' })).toThrow(/REQUIRE_EMAIL_VERIFICATION/)
  })
})
