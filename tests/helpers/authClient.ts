import { randomUUID } from 'node:crypto'

import type { RestClient } from './restClient'

export type TokenPairBody = {
  user: { id: number; email: string; roles: string[]; name: string | null }
  accessToken: string
  refreshToken: string
  tokenType: string
  expiresIn: number
}

/** A client IP of its own, so rate-limit counters of one test never touch another's. */
export const freshClientIp = (): string => `test-${randomUUID()}`

const json = (body: unknown, ip: string, userAgent?: string): RequestInit => ({
  method: 'POST',
  headers: {
    'Content-Type': 'application/json',
    'x-cms-client-ip': ip,
    ...(userAgent ? { 'User-Agent': userAgent } : {}),
  },
  body: JSON.stringify(body),
})

/** POST a JSON body from a fresh client IP, as the bearer of `accessToken` when one is given. */
export const postJson = (rest: RestClient, path: string, body: unknown, accessToken?: string) =>
  rest.post(path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'x-cms-client-ip': freshClientIp(),
      ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}),
    },
    body: JSON.stringify(body),
  })

/** The /api/auth/* token contract, spoken through Payload's real route handlers. */
export const createAuthClient = (rest: RestClient, ip = freshClientIp()) => ({
  register: (body: unknown, userAgent?: string) => rest.post('/auth/register', json(body, ip, userAgent)),
  login: (body: unknown, userAgent?: string) => rest.post('/auth/login', json(body, ip, userAgent)),
  refresh: (refreshToken: unknown) => rest.post('/auth/refresh', json({ refreshToken }, ip)),
  logout: (accessToken: string) =>
    rest.post('/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${accessToken}`, 'x-cms-client-ip': ip } }),
  logoutAll: (accessToken: string) =>
    rest.post('/auth/logout-all', { method: 'POST', headers: { Authorization: `Bearer ${accessToken}`, 'x-cms-client-ip': ip } }),
  sessions: (accessToken: string) => rest.get('/auth/sessions', { headers: { Authorization: `Bearer ${accessToken}` } }),
  revokeSession: (accessToken: string, id: string) =>
    rest.delete(`/auth/sessions/${id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${accessToken}` } }),
  me: (accessToken: string) => rest.get('/users/me', { headers: { Authorization: `Bearer ${accessToken}` } }),
})

export type AuthClient = ReturnType<typeof createAuthClient>

/** Registers a user and returns the 201 body; throws with the response text otherwise. */
export const registerUser = async (auth: AuthClient, email: string, password = 'correct-horse-battery', name = 'Test User') => {
  const response = await auth.register({ email, password, name })
  if (response.status !== 201) throw new Error(`register ${email}: ${response.status} ${await response.text()}`)
  return (await response.json()) as TokenPairBody
}
