/**
 * The slice of OpenAPI 3.1 this module writes. Loose on purpose: schemas are JSON Schema 2020-12
 * objects produced by Payload's own generator, and the document is checked against the official
 * OpenAPI schema by the tests rather than by these types.
 */
export type JsonSchema = Record<string, unknown>

export type ParameterObject = {
  name: string
  in: 'query' | 'path' | 'header' | 'cookie'
  description?: string
  required?: boolean
  style?: string
  explode?: boolean
  schema: JsonSchema
}

export type MediaTypeObject = { schema: JsonSchema; example?: unknown }

export type RequestBodyObject = {
  description?: string
  required?: boolean
  content: Record<string, MediaTypeObject>
}

export type ResponseObject = {
  description: string
  headers?: Record<string, { description?: string; schema: JsonSchema }>
  content?: Record<string, MediaTypeObject>
}

export type OperationObject = {
  operationId?: string
  summary?: string
  description?: string
  tags?: string[]
  parameters?: ParameterObject[]
  requestBody?: RequestBodyObject
  responses: Record<string, ResponseObject>
  security?: Record<string, string[]>[]
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options'

export type PathItemObject = Partial<Record<HttpMethod, OperationObject>>

export type OpenApiDocument = {
  openapi: '3.1.0'
  info: { title: string; version: string; description?: string }
  servers?: { url: string; description?: string }[]
  tags?: { name: string; description?: string }[]
  security?: Record<string, string[]>[]
  paths: Record<string, PathItemObject>
  components: {
    schemas: Record<string, JsonSchema>
    securitySchemes: Record<string, Record<string, unknown>>
    parameters?: Record<string, ParameterObject>
  }
}

/**
 * What an endpoint may say about itself in Payload's `custom` property:
 * `custom: { openapi: { summary, description, parameters, requestBody, responses } }`.
 * Anything left out gets a generic default, so an undocumented endpoint still appears.
 */
export type EndpointDocumentation = Partial<Omit<OperationObject, 'responses'>> & {
  responses?: Record<string, ResponseObject>
}
