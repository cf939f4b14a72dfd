export { readBody, replayRequest } from './readBody'
export { withJsonBodyCheck } from './withJsonBodyCheck'
export { jsonBodyStep } from './jsonBodyStep'
