import type { Channel } from 'amqplib'

/** The broker objects of one consumer, named after the exchange so deployments never share them. */
export const consumerTopology = (exchange: string, consumer: string) => ({
  exchange,
  queue: `${exchange}.${consumer}`,
  deadLetterExchange: `${exchange}.dead-letter`,
  deadLetterQueue: `${exchange}.${consumer}.dead`,
})

/**
 * Declares (idempotently) the topic exchange, the consumer's durable queue bound to its routing
 * keys, and its dead-letter queue, where rejected messages (`nack` without requeue) are parked.
 */
export const assertConsumerTopology = async (channel: Channel, exchange: string, consumer: string, bindings: string[]) => {
  const names = consumerTopology(exchange, consumer)
  await channel.assertExchange(names.exchange, 'topic', { durable: true })
  await channel.assertExchange(names.deadLetterExchange, 'direct', { durable: true })
  await channel.assertQueue(names.deadLetterQueue, { durable: true })
  await channel.bindQueue(names.deadLetterQueue, names.deadLetterExchange, consumer)
  await channel.assertQueue(names.queue, {
    durable: true,
    arguments: { 'x-dead-letter-exchange': names.deadLetterExchange, 'x-dead-letter-routing-key': consumer },
  })
  for (const key of bindings) await channel.bindQueue(names.queue, names.exchange, key)
  return names
}
