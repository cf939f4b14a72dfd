import { describe, expect, it } from 'vitest'

import { ConfigError, readAppConfig } from '@/platform/config'

const base = { SECRET_KEY: 'a-secret', SERVER_URL: 'https://cms.example.com' }
const TOKEN = '123456789:AAEabcdefghijklmnopqrstuvwxyz012345'

describe('VK ID, Yandex ID and Telegram configuration', () => {
  it('is off without client ids and bot token', () => {
    const { identity, events } = readAppConfig(base)
    expect(identity.vk).toBeUndefined()
    expect(identity.yandex).toBeUndefined()
    expect(identity.telegram).toBeUndefined()
    expect(events.telegramChannel).toBeUndefined()
  })

  it('defaults the provider endpoints and the callback to SERVER_URL', () => {
    const { identity } = readAppConfig({
      ...base,
      VK_CLIENT_ID: 'vk',
      VK_CLIENT_SECRET: 's',
      YANDEX_CLIENT_ID: 'ya',
      YANDEX_CLIENT_SECRET: 't',
    })
    expect(identity.vk).toEqual({
      clientId: 'vk',
      clientSecret: 's',
      callbackUrl: 'https://cms.example.com/api/auth/vk/callback',
      authorizationUrl: 'https://id.vk.com/authorize',
      tokenUrl: 'https://id.vk.com/oauth2/auth',
      userInfoUrl: 'https://id.vk.com/oauth2/user_info',
      scope: 'email',
    })
    expect(identity.yandex).toMatchObject({
      callbackUrl: 'https://cms.example.com/api/auth/yandex/callback',
      userInfoUrl: 'https://login.yandex.ru/info?format=json',
      scope: 'login:email login:info',
    })
  })

  it('names the variable that is wrong', () => {
    expect(() => readAppConfig({ ...base, VK_CLIENT_ID: 'vk' })).toThrow(
      new ConfigError('VK_CLIENT_SECRET', 'is required when VK_CLIENT_ID is set'),
    )
    expect(() => readAppConfig({ ...base, YANDEX_CLIENT_ID: 'ya', YANDEX_CLIENT_SECRET: 's', YANDEX_TOKEN_URL: 'ftp://x' })).toThrow(
      /YANDEX_TOKEN_URL/,
    )
    expect(() => readAppConfig({ ...base, TELEGRAM_BOT_TOKEN: 'not-a-token' })).toThrow(/TELEGRAM_BOT_TOKEN/)
    expect(() => readAppConfig({ ...base, TELEGRAM_CHAT_ID: '-100123' })).toThrow(/TELEGRAM_BOT_TOKEN is required/)
    expect(() => readAppConfig({ ...base, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_CHAT_ID: 'my channel' })).toThrow(/TELEGRAM_CHAT_ID/)
    expect(() =>
      readAppConfig({ ...base, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_CHAT_ID: '@news_channel', TELEGRAM_ARTICLE_URL: 'https://x.example/a' }),
    ).toThrow(/TELEGRAM_ARTICLE_URL/)
    expect(() => readAppConfig({ ...base, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_LOGIN_MAX_AGE_SECONDS: '0' })).toThrow(
      /TELEGRAM_LOGIN_MAX_AGE_SECONDS/,
    )
  })

  it('reads Telegram login and channel', () => {
    const { identity, events } = readAppConfig({ ...base, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_CHAT_ID: '-100123' })
    expect(identity.telegram).toEqual({ botToken: TOKEN, maxAgeSeconds: 86_400 })
    expect(events.telegramChannel).toEqual({
      botToken: TOKEN,
      chatId: '-100123',
      apiBaseUrl: 'https://api.telegram.org',
      articleUrlTemplate: 'https://cms.example.com/articles/{slug}',
    })
    expect(readAppConfig({ ...base, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_LOGIN_ENABLED: 'false' }).identity.telegram).toBeUndefined()
  })
})
