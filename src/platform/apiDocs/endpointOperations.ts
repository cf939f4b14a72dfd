import type { Endpoint } from 'payload'

import { standardErrors } from './commonSchemas'
import type { EndpointDocumentation, HttpMethod, OperationObject, ParameterObject } from './types'

export const HTTP_METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options']

/**
 * Express-style (path-to-regexp) to OpenAPI: `/:id` -> `/{id}`. An optional segment (`/:id?`)
 * cannot be expressed in OpenAPI, so it yields two paths, without and with it.
 */
export const toOpenApiPaths = (prefix: string, endpointPath: string): string[] => {
  const trimmed = endpointPath === '/' ? '' : endpointPath
  let paths = [prefix]
  for (const segment of trimmed.split('/').filter(Boolean)) {
    const param = /^:([A-Za-z0-9_]+)([?*+]?)$/.exec(segment)
    if (!param) {
      paths = paths.map((path) => `${path}/${segment}`)
    } else if (param[2] === '?') {
      paths = paths.flatMap((path) => [path, `${path}/{${param[1]}}`])
    } else {
      paths = paths.map((path) => `${path}/{${param[1]}}`)
    }
  }
  return paths.map((path) => path || '/')
}

export const pathParameterNames = (openApiPath: string): string[] => [...openApiPath.matchAll(/\{([^}]+)\}/g)].map((match) => match[1])

/**
 * `delete /api/auth/sessions/{id}` -> `deleteApiAuthSessionsId`. Letters and digits only: Swagger
 * UI's deep links (`#/<tag>/<operationId>`) read `_` as an escaped space.
 */
export const operationIdFor = (method: HttpMethod, openApiPath: string): string =>
  method +
  openApiPath
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('')

/** The documentation an endpoint carries in `custom.openapi`, if any. */
export const endpointDocumentation = (endpoint: Pick<Endpoint, 'custom'>): EndpointDocumentation | undefined => {
  const openapi: unknown = endpoint.custom?.openapi
  return openapi && typeof openapi === 'object' ? (openapi as EndpointDocumentation) : undefined
}

type OperationInput = {
  method: HttpMethod
  path: string
  tag: string
  /** Payload's own documentation of a built-in route. */
  builtIn?: Omit<OperationObject, 'tags' | 'operationId'>
  /** The endpoint's `custom.openapi`: wins over everything else. */
  documented?: EndpointDocumentation
}

/**
 * One operation: the endpoint's own documentation over the built-in one over a generic default,
 * with every `{param}` of the path declared (OpenAPI requires it).
 */
export const buildOperation = ({ method, path, tag, builtIn, documented }: OperationInput): OperationObject => {
  const generic: OperationObject = {
    summary: `${method.toUpperCase()} ${path}`,
    ...(documented ? {} : { description: 'Custom endpoint (no documentation given in its `custom.openapi`).' }),
    responses: { '200': { description: 'Success.' }, ...standardErrors() },
  }
  const base = builtIn ?? generic
  const merged: OperationObject = {
    ...base,
    ...documented,
    tags: documented?.tags ?? [tag],
    operationId: documented?.operationId ?? operationIdFor(method, path),
    responses: documented?.responses ?? base.responses,
  }
  const parameters: ParameterObject[] = (merged.parameters ?? []).filter(
    (parameter) => parameter.in !== 'path' || pathParameterNames(path).includes(parameter.name),
  )
  for (const name of pathParameterNames(path)) {
    if (!parameters.some((parameter) => parameter.in === 'path' && parameter.name === name)) {
      parameters.unshift({ name, in: 'path', required: true, schema: { type: 'string' } })
    }
  }
  merged.parameters = parameters
  if (parameters.length === 0) delete merged.parameters
  return merged
}
