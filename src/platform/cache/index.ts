export { createRedisClient, getSharedRedis } from './redisClient'
