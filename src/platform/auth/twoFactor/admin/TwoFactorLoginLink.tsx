/** Under the admin's login form: where accounts with two-factor sign-in continue. */
export const TwoFactorLoginLink = () => (
  <p style={{ marginTop: '1.5rem' }}>
    Two-factor sign-in on, or required for your role? <a href="/admin/two-factor">Sign in with a code</a>.
  </p>
)
