import { CLIENT_IP_HEADER, clientIpOf } from '../auth/requestMeta'
import type { Step } from './pipeline'

/**
 * Stamps the client address Payload's rate limits and session records see: the socket's, or the
 * proxy's X-Forwarded-For as clientIpOf trusts it; never a value the client sent in our header.
 */
export const stampClientIp: Step = (next) => (req, res) => {
  req.headers[CLIENT_IP_HEADER] = clientIpOf(req.socket.remoteAddress, req.headers['x-forwarded-for'])
  return next(req, res)
}
