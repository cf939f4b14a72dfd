import { getAppConfig } from '../config'

/**
 * The header server.ts sets on every request to the socket's peer address (or, with TRUST_PROXY,
 * the first X-Forwarded-For hop), replacing whatever the client sent.
 */
export const CLIENT_IP_HEADER = 'x-cms-client-ip'

export type RequestMeta = { ip: string; userAgent: string | null }

export const readRequestMeta = (headers: Headers): RequestMeta => ({
  ip: headers.get(CLIENT_IP_HEADER) ?? 'unknown',
  userAgent: headers.get('user-agent')?.slice(0, 500) ?? null,
})

/** What server.ts writes into CLIENT_IP_HEADER for a Node request. */
export const clientIpOf = (socketAddress: string | undefined, forwardedFor: string | string[] | undefined): string => {
  const forwarded = Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor
  if (getAppConfig().identity.trustProxy && forwarded) return forwarded.split(',')[0].trim()
  return socketAddress ?? 'unknown'
}
