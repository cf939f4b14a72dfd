/** The shared Redis service. Tests never stop it: they cut a TCP proxy of their own instead. */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
export const REDIS_PORT = Number(new URL(REDIS_URL).port || 6379)
