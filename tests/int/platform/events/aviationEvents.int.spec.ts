import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readEventsConfig } from '@/platform/config/events'
import { startEventRelay, type EventRelay } from '@/platform/events/relay'
import { createLogger } from '@/platform/observability/logger'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'
import {
  bindTestQueue,
  deleteBrokerObjects,
  RABBITMQ_URL,
  type ReceivedMessage,
  type TestQueue,
  uniqueExchange,
} from '../../../helpers/rabbitmq'

/**
 * FrankenJet's content under the editorial workflow publishes the same events: articles.published
 * (what the notifier announces) only when an article goes public, nothing for drafts beside it,
 * and app-settings.updated for the settings global.
 */

const exchange = uniqueExchange('aviation')
let int: PayloadInt
let queue: TestQueue
let relay: EventRelay

beforeAll(async () => {
  int = await initPayloadInt('events_aviation')
  queue = await bindTestQueue(exchange)
  const events = readEventsConfig({ RABBITMQ_URL, RABBITMQ_EXCHANGE: exchange, EVENTS_RELAY_POLL_MS: '50' })
  relay = startEventRelay({ databaseUrl: int.database.url, events, logger: createLogger('test-relay') })
})

afterAll(async () => {
  await relay?.stop()
  await queue?.close()
  await deleteBrokerObjects({ exchanges: [exchange] })
  await int?.cleanup()
})

const messagesFor = async (collection: string, id: number | string, count: number): Promise<ReceivedMessage[]> => {
  const mine = () =>
    queue.messages.filter((m) => {
      const body = m.body as { collection: string; docId: string }
      return body.collection === collection && body.docId === String(id)
    })
  const deadline = Date.now() + 20_000
  while (mine().length < count) {
    if (Date.now() > deadline)
      throw new Error(`expected ${count} events for ${collection} ${id}, got ${JSON.stringify(mine().map((m) => m.routingKey))}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return mine()
}

describe('aviation events', () => {
  it('an article: created as a draft, published, a draft beside it, unpublished, deleted', async () => {
    const article = await int.payload.create({ collection: 'articles', data: { title: 'Секретный черновик', workflowStatus: 'draft' } })
    await int.payload.update({ collection: 'articles', id: article.id, data: { title: 'Spruce Goose', _status: 'published' } })
    await int.payload.update({ collection: 'articles', id: article.id, data: { title: 'Unapproved change' }, draft: true })
    await int.payload.update({ collection: 'articles', id: article.id, data: { _status: 'draft' } })
    await int.payload.delete({ collection: 'articles', id: article.id })

    const all = await messagesFor('articles', article.id, 4)
    expect(all.map((m) => m.routingKey)).toEqual(['articles.created', 'articles.published', 'articles.unpublished', 'articles.deleted'])
    expect((all[1].body as { data: unknown }).data).toMatchObject({ title: 'Spruce Goose', workflowStatus: 'published' })
    const text = JSON.stringify(queue.messages)
    expect(text).not.toContain('Секретный черновик')
    expect(text).not.toContain('Unapproved change')
  })

  it('app-settings.updated for the settings global, with its public summary', async () => {
    await int.payload.updateGlobal({ slug: 'app-settings', data: { siteTitle: 'FrankenJet Beta' } })
    const [message] = await messagesFor('app-settings', 'app-settings', 1)
    expect(message.routingKey).toBe('app-settings.updated')
    expect((message.body as { data: unknown }).data).toEqual({ siteTitle: 'FrankenJet Beta' })
  })
})
