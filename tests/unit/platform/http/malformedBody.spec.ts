import { describe, expect, it } from 'vitest'

import { malformedBodyField } from '@/platform/http/malformedBody'
import { refusalLogLevel } from '@/platform/observability/refusalLogLevel'

describe('malformedBodyField', () => {
  it("names the file part for the multipart parser's errors", () => {
    for (const message of [
      'Request is not eligible for file upload',
      'Multipart: Boundary not found',
      'Unexpected end of form',
      'Unsupported content type: multipart/x',
    ]) {
      expect(malformedBodyField({ name: 'Error', message }, 'multipart/form-data'), message).toBe('file')
    }
  })

  it('names _payload when its JSON does not parse', () => {
    expect(malformedBodyField({ name: 'SyntaxError', message: 'Unexpected token' }, 'multipart/form-data; boundary=x')).toBe('_payload')
  })

  it('leaves every other error, and every error of a request that is not multipart, alone', () => {
    expect(malformedBodyField({ name: 'Error', message: 'boom' }, 'multipart/form-data')).toBeUndefined()
    expect(malformedBodyField({ name: 'SyntaxError', message: 'Unexpected token' }, 'application/json')).toBeUndefined()
    expect(malformedBodyField({ name: 'Error', message: 'Unexpected end of form' }, undefined)).toBeUndefined()
  })
})

describe('the log level of a malformed multipart body', () => {
  it('is info: Payload throws it as a 500, the caller gets a 400', () => {
    expect(refusalLogLevel(Object.assign(new Error('Unexpected end of form'), { status: 500 }))).toBe('info')
    expect(refusalLogLevel(Object.assign(new Error('something broke'), { status: 500 }))).toBeUndefined()
  })
})
