export { createSingleInstanceRunner, JOB_RUNNER_LOCK_KEY, type SingleInstanceRunner } from './singleInstanceRunner'
