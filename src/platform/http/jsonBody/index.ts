export { readBodyAhead } from './readBodyAhead'
export { withJsonBodyCheck } from './withJsonBodyCheck'
