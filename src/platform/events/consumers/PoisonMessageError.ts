/** Thrown by a handler for a message that can never succeed: it goes to the dead-letter queue, not back. */
export class PoisonMessageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PoisonMessageError'
  }
}
