import { APIError } from 'payload'

import type { ParamProblem } from './problems'

export const READ_PARAMS_REFUSAL = 'ReadParamsRefusal'

/** A read refused for its parameters: 400, each problem naming the parameter. */
export class ReadParamsRefusal extends APIError<{ errors: ParamProblem[] }> {
  constructor(problems: ParamProblem[]) {
    super(problems.map((problem) => problem.message).join(' '), 400, { errors: problems }, true)
    this.name = READ_PARAMS_REFUSAL
  }
}
