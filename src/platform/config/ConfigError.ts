/** A start-up configuration problem. The message is one line that names the variable. */
export class ConfigError extends Error {
  readonly variable: string

  constructor(variable: string, message: string) {
    super(`Invalid configuration: ${variable} ${message}`)
    this.name = 'ConfigError'
    this.variable = variable
  }
}
