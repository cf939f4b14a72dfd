import { createHash, randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type StandInProfile = Record<string, unknown>

type IssuedCode = { clientId: string; redirectUri: string; challenge: string; profile: StandInProfile; used: boolean }

export type OAuthStandIn = {
  url: string
  /** The profile the next consent hands out (the account "signing in" at the provider). */
  nextProfile: (profile: StandInProfile) => void
  /** Token requests seen, with why each one was refused (undefined: granted). */
  tokenRequests: { params: Record<string, string>; refused?: string }[]
  close: () => Promise<void>
}

/**
 * A small OAuth 2.0 authorization server over real HTTP, strict where the sign-in's safety lies:
 *  - GET /authorize requires client_id, redirect_uri, response_type=code, state and an S256
 *    code_challenge, then "consents" at once: 302 to redirect_uri?code&state (+ `extraCallback`);
 *  - POST /token grants a code once only (a second use is invalid_grant, as is a
 *    code_verifier whose SHA-256 is not the challenge, or another client or redirect_uri);
 *  - /userinfo (GET with `Authorization: <scheme> <token>`, or POST with access_token in the
 *    form, as VK ID does) answers the profile behind the token.
 */
export const startOAuthStandIn = async ({
  clientId,
  clientSecret,
  extraCallback = {},
}: {
  clientId: string
  clientSecret: string
  extraCallback?: Record<string, string>
}): Promise<OAuthStandIn> => {
  const codes = new Map<string, IssuedCode>()
  const tokens = new Map<string, StandInProfile>()
  const tokenRequests: OAuthStandIn['tokenRequests'] = []
  let profile: StandInProfile = {}

  const answer = (res: http.ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body))

  const server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (chunk) => (raw += chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in')
      if (req.method === 'GET' && url.pathname === '/authorize') {
        const q = url.searchParams
        const problem =
          q.get('client_id') !== clientId
            ? 'unknown client_id'
            : q.get('response_type') !== 'code'
              ? 'response_type must be code'
              : !q.get('redirect_uri')
                ? 'redirect_uri is required'
                : !q.get('state')
                  ? 'state is required'
                  : q.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(q.get('code_challenge') ?? '')
                    ? 'an S256 code_challenge is required'
                    : undefined
        if (problem) return answer(res, 400, { error: 'invalid_request', error_description: problem })
        const code = randomBytes(16).toString('hex')
        codes.set(code, { clientId, redirectUri: q.get('redirect_uri')!, challenge: q.get('code_challenge')!, profile, used: false })
        const back = new URL(q.get('redirect_uri')!)
        back.searchParams.set('code', code)
        back.searchParams.set('state', q.get('state')!)
        for (const [key, value] of Object.entries(extraCallback)) back.searchParams.set(key, value)
        return res.writeHead(302, { Location: back.href }).end()
      }
      if (req.method === 'POST' && url.pathname === '/token') {
        const params = Object.fromEntries(new URLSearchParams(raw))
        const entry = { params } as OAuthStandIn['tokenRequests'][number]
        tokenRequests.push(entry)
        const refuse = (reason: string, status = 400, error = 'invalid_grant') => {
          entry.refused = reason
          answer(res, status, { error, error_description: reason })
        }
        if (params.client_id !== clientId || params.client_secret !== clientSecret)
          return refuse('bad client credentials', 401, 'invalid_client')
        if (params.grant_type !== 'authorization_code') return refuse('grant_type', 400, 'unsupported_grant_type')
        const issued = codes.get(params.code ?? '')
        if (!issued) return refuse('unknown code')
        if (issued.used) return refuse('code already used')
        // A code is spent by its first redemption attempt, successful or not.
        issued.used = true
        if (params.redirect_uri !== issued.redirectUri) return refuse('redirect_uri differs')
        if (!params.code_verifier || createHash('sha256').update(params.code_verifier).digest('base64url') !== issued.challenge) {
          return refuse('code_verifier does not match the code_challenge')
        }
        const token = randomBytes(16).toString('hex')
        tokens.set(token, issued.profile)
        return answer(res, 200, { access_token: token, token_type: 'bearer', expires_in: 3600 })
      }
      if (url.pathname === '/userinfo') {
        const fromHeader = /^(Bearer|OAuth)\s+(\S+)$/.exec(req.headers.authorization ?? '')?.[2]
        const fromForm = req.method === 'POST' ? new URLSearchParams(raw).get('access_token') : null
        const owner = tokens.get(fromHeader ?? fromForm ?? '')
        if (!owner) return answer(res, 401, { error: 'invalid_token' })
        return answer(res, 200, owner)
      }
      answer(res, 404, { error: 'not_found' })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    nextProfile: (next) => (profile = next),
    tokenRequests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
