import type { Step } from '../pipeline'
import { withJsonBodyCheck } from './withJsonBodyCheck'

/** API writes whose JSON body does not parse (or, but for GraphQL, is not an object) are 400 (withJsonBodyCheck). */
export const jsonBodyStep =
  (graphqlPaths: readonly string[]): Step =>
  (next) =>
    withJsonBodyCheck(async (req, res) => next(req, res), graphqlPaths)
