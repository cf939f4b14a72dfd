/** One wrong input: the parameter it was in (`limit`, `where`, `id`...) and what is wrong with it. */
export type ParamProblem = { field: string; message: string }

/** What a read may go ahead with: the values actually applied (caps included). */
export type AppliedParams = { limit?: number; depth?: number; page?: number }

export type ReadVerdict = { ok: true; applied: AppliedParams } | { ok: false; status: 400 | 404; problems: ParamProblem[] }

/** The body of a refusal: Payload's error shape, each error naming the parameter. */
export const refusalBody = (problems: readonly ParamProblem[]): { errors: ParamProblem[] } => ({
  errors: problems.map(({ message, field }) => ({ message, field })),
})

export const refuse = (field: string, message: string): ReadVerdict => ({ ok: false, status: 400, problems: [{ field, message }] })

export const notFound = (field = 'id'): ReadVerdict => ({ ok: false, status: 404, problems: [{ field, message: 'Not Found' }] })
