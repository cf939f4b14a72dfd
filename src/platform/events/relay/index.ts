// Kept apart from ../index.ts: payload.config (and so Next's bundle) must not load amqplib.
export { startEventRelay, type EventRelay } from './startEventRelay'
export { createEventPublisher, BrokerUnavailableError, type EventPublisher, type PublishOutcome } from './publisher'
