export const TEST_SECRET = 'test-secret-that-is-long-enough-for-production-0123'
