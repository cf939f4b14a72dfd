import { describe, expect, it } from 'vitest'

import { readAppConfig } from '@/platform/config'

const base = { SECRET_KEY: 'a-secret' }

describe('events configuration', () => {
  it('defaults: no broker (events stay in the outbox), exchange cms.events, log delivery', () => {
    expect(readAppConfig(base).events).toEqual({
      rabbitmqUrl: undefined,
      exchange: 'cms.events',
      relay: { pollMs: 500, batchSize: 100, maxBackoffMs: 30_000, retentionHours: 72 },
      worker: { prefetch: 10, dedupeHours: 72 },
      notifier: { webhookUrl: undefined },
    })
  })

  it('reads every variable', () => {
    const events = readAppConfig({
      ...base,
      RABBITMQ_URL: 'amqps://user:pass@mq.example.com:5671/vhost',
      RABBITMQ_EXCHANGE: 'kitsu.events',
      EVENTS_RELAY_POLL_MS: '200',
      EVENTS_RELAY_BATCH_SIZE: '50',
      EVENTS_RELAY_MAX_BACKOFF_MS: '5000',
      EVENTS_OUTBOX_RETENTION_HOURS: '24',
      WORKER_PREFETCH: '4',
      WORKER_DEDUPE_HOURS: '12',
      NOTIFIER_WEBHOOK_URL: 'https://hooks.example.com/notify',
    }).events
    expect(events).toEqual({
      rabbitmqUrl: 'amqps://user:pass@mq.example.com:5671/vhost',
      exchange: 'kitsu.events',
      relay: { pollMs: 200, batchSize: 50, maxBackoffMs: 5000, retentionHours: 24 },
      worker: { prefetch: 4, dedupeHours: 12 },
      notifier: { webhookUrl: 'https://hooks.example.com/notify' },
    })
  })

  it('refuses bad values with one line naming the variable', () => {
    expect(() => readAppConfig({ ...base, RABBITMQ_URL: 'http://127.0.0.1:5672' })).toThrow(
      /^Invalid configuration: RABBITMQ_URL must look like amqp:\/\//,
    )
    expect(() => readAppConfig({ ...base, RABBITMQ_URL: 'not a url' })).toThrow(/RABBITMQ_URL/)
    expect(() => readAppConfig({ ...base, RABBITMQ_EXCHANGE: 'amq.topic' })).toThrow(/RABBITMQ_EXCHANGE/)
    expect(() => readAppConfig({ ...base, RABBITMQ_EXCHANGE: 'has space' })).toThrow(/RABBITMQ_EXCHANGE/)
    expect(() => readAppConfig({ ...base, NOTIFIER_WEBHOOK_URL: 'ftp://x' })).toThrow(/NOTIFIER_WEBHOOK_URL/)
    expect(() => readAppConfig({ ...base, EVENTS_RELAY_BATCH_SIZE: '0' })).toThrow(/EVENTS_RELAY_BATCH_SIZE/)
  })
})
