import type { Endpoint } from 'payload'

import { googleEndpoints } from '../google/endpoints'
import { listIdentitiesEndpoint, unlinkIdentityEndpoint } from '../identities/endpoints'
import { oauthEndpoints } from '../oauth/endpoints'
import { telegramLinkEndpoint, telegramSignInEndpoint } from '../telegram/endpoints'
import { loginEndpoint } from './login'
import { logoutAllEndpoint, logoutEndpoint } from './logout'
import { refreshEndpoint } from './refresh'
import { registerEndpoint } from './register'
import { listSessionsEndpoint, revokeSessionEndpoint } from './sessions'
import { twoFactorEndpoints } from '../twoFactor/endpoints'
import { verifyEmailEndpoint } from './verifyEmail'
import { withClientRateLimit } from './withClientRateLimit'

/** The token contract under /api/auth/* (root endpoints), each rate-limited per client IP. */
export const tokenEndpoints: Endpoint[] = [
  registerEndpoint,
  loginEndpoint,
  refreshEndpoint,
  logoutEndpoint,
  logoutAllEndpoint,
  listSessionsEndpoint,
  revokeSessionEndpoint,
  ...googleEndpoints,
  ...oauthEndpoints,
  telegramSignInEndpoint,
  telegramLinkEndpoint,
  listIdentitiesEndpoint,
  unlinkIdentityEndpoint,
  ...twoFactorEndpoints,
  verifyEmailEndpoint,
].map(withClientRateLimit)
