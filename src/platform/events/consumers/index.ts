// The worker's side of events (amqplib): not for payload.config or Next's bundle.
export { startConsumer, type ConsumerDefinition, type ConsumerOptions, type ConsumerStats, type RunningConsumer } from './startConsumer'
export { PoisonMessageError } from './PoisonMessageError'
export { postgresReceipts, type ReceiptStore } from './receipts'
export { consumerTopology } from './topology'
export { notifierConsumer, notificationFor, type Notification } from './notifier'
export { telegramChannelConsumer, channelPostFor, type TelegramChannelOptions } from './telegramChannel'
