export { readBody, replayRequest } from './readBody'
export { withJsonBodyCheck } from './withJsonBodyCheck'
