import type { EventMessage } from '../eventMessage'
import { PoisonMessageError } from './PoisonMessageError'
import type { ConsumerDefinition } from './startConsumer'

export type TelegramChannelOptions = {
  botToken: string
  chatId: string
  /** https://api.telegram.org, or a stand-in in tests. */
  apiBaseUrl: string
  /** The public link of an article; `{slug}` and `{id}` are replaced. */
  articleUrlTemplate: string
  timeoutMs?: number
}

/** Telegram caps a message at 4096 characters; an excerpt is cut well before that. */
const MAX_EXCERPT_LENGTH = 600

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const articleLink = (template: string, event: EventMessage): string => {
  const slug = typeof event.data.slug === 'string' && event.data.slug ? event.data.slug : event.docId
  return template.replace(/\{slug\}/g, encodeURIComponent(slug)).replace(/\{id\}/g, encodeURIComponent(event.docId))
}

/** The HTML text of the channel post for a published article, or undefined when it has no title. */
export const channelPostFor = (event: EventMessage, articleUrlTemplate: string): string | undefined => {
  const title = event.data.title
  if (typeof title !== 'string' || !title.trim()) return undefined
  const rawExcerpt = typeof event.data.excerpt === 'string' ? event.data.excerpt.trim() : ''
  const excerpt = rawExcerpt.length > MAX_EXCERPT_LENGTH ? `${rawExcerpt.slice(0, MAX_EXCERPT_LENGTH - 1)}…` : rawExcerpt
  const link = articleLink(articleUrlTemplate, event)
  return [
    `<b>${escapeHtml(title.trim())}</b>`,
    ...(excerpt ? [escapeHtml(excerpt)] : []),
    `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`,
  ].join('\n\n')
}

/** Telegram answers 429 (flood control) and 5xx for what may pass later; other 4xx never will. */
const isPermanent = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429

const sendMessage = async (options: TelegramChannelOptions, text: string): Promise<void> => {
  const response = await fetch(`${options.apiBaseUrl}/bot${options.botToken}/sendMessage`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ chat_id: options.chatId, text, parse_mode: 'HTML' }),
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  })
  const body = (await response.json().catch(() => undefined)) as { ok?: boolean; description?: string } | undefined
  // The token is part of the URL: never put the URL in an error message.
  const detail = `${response.status}${body?.description ? ` ${body.description}` : ''}`
  if (isPermanent(response.status)) throw new PoisonMessageError(`Telegram refused the post (${detail})`)
  if (!response.ok || body?.ok !== true) throw new Error(`Telegram answered ${detail}`)
}

/**
 * Posts each published article (title, excerpt, link) to a Telegram chat through the Bot API.
 * Follows the notifier's rules through startConsumer: one post per event id (receipts), retries
 * on 5xx, 429 and network errors, dead-letters a post Telegram refuses or after the last attempt.
 */
export const telegramChannelConsumer = (options: TelegramChannelOptions): ConsumerDefinition => ({
  name: 'telegram-channel',
  bindings: ['articles.published'],
  handle: async (event) => {
    const text = channelPostFor(event, options.articleUrlTemplate)
    if (!text) throw new PoisonMessageError('the event has no article title to post')
    await sendMessage(options, text)
  },
})
