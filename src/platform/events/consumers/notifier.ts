import type { Logger } from '../../observability/logger'
import type { EventMessage } from '../eventMessage'
import { PoisonMessageError } from './PoisonMessageError'
import type { ConsumerDefinition } from './startConsumer'

/** What the notifier says about an event (the old backend fed these to its Telegram bot). */
export type Notification = {
  event: string
  eventId: string
  collection: string
  docId: string
  text: string
  data: Record<string, unknown>
}

const HEADLINES: Record<string, string> = {
  'articles.published': 'New article',
  'anime.created': 'New anime',
}

/** The notification for an event, or undefined when there is nothing public to announce (a draft). */
export const notificationFor = (event: EventMessage): Notification | undefined => {
  const title = event.data.title
  if (typeof title !== 'string' || !title) return undefined
  const headline = HEADLINES[event.type] ?? event.type
  return {
    event: event.type,
    eventId: event.id,
    collection: event.collection,
    docId: event.docId,
    text: `${headline}: ${title}`,
    data: event.data,
  }
}

/** Deliveries the target refuses for good (a bad request) are dead-lettered; the rest are retried. */
const isPermanent = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429

const postWebhook = async (webhookUrl: string, notification: Notification, timeoutMs: number) => {
  const response = await fetch(webhookUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': notification.eventId },
    body: JSON.stringify(notification),
    signal: AbortSignal.timeout(timeoutMs),
  })
  await response.body?.cancel().catch(() => undefined)
  if (isPermanent(response.status)) throw new PoisonMessageError(`the webhook refused the notification (${response.status})`)
  if (!response.ok) throw new Error(`the webhook answered ${response.status}`)
}

/**
 * The notifier: announces new articles and new anime, to a webhook (NOTIFIER_WEBHOOK_URL, a JSON
 * POST with an Idempotency-Key) or, without one, to the log. Copy this file for the next consumer:
 * a name, the routing keys, and a handler that throws to retry or PoisonMessageError to park.
 */
export const notifierConsumer = ({
  webhookUrl,
  logger,
  timeoutMs = 10_000,
}: {
  webhookUrl: string | undefined
  logger: Pick<Logger, 'info'>
  timeoutMs?: number
}): ConsumerDefinition => ({
  name: 'notifier',
  bindings: ['articles.published', 'anime.created'],
  handle: async (event) => {
    const notification = notificationFor(event)
    if (!notification) return // created as a draft: nothing public yet
    if (webhookUrl) await postWebhook(webhookUrl, notification, timeoutMs)
    else logger.info({ notification }, notification.text)
  },
})
