import { TwoFactorSignIn } from './TwoFactorSignIn'

/** /admin/two-factor: a public admin view (custom views are), hosting the two-factor sign-in. */
export const TwoFactorView = () => <TwoFactorSignIn />
