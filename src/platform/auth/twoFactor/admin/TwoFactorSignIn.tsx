'use client'

import { type FormEvent, useState } from 'react'

type Challenge = { twoFactorRequired: true; step: 'verify' | 'enrol'; challenge: string }
type Stage =
  | { name: 'password' }
  | { name: 'code'; challenge: string }
  | { name: 'enrol'; challenge: string; qrCode: string; secret: string }
  | { name: 'recovery-codes'; codes: string[] }

const ADMIN = '/admin'

const postJson = async (path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> }
}

const messageOf = (body: Record<string, unknown>, fallback: string): string => {
  const errors = body.errors as { message?: string }[] | undefined
  return errors?.[0]?.message ?? fallback
}

const challengeOf = (body: Record<string, unknown>): Challenge | undefined => {
  const data = (body.errors as { data?: Challenge }[] | undefined)?.[0]?.data
  return data?.twoFactorRequired ? data : undefined
}

const field: React.CSSProperties = { display: 'block', width: '100%', padding: '0.6rem', marginTop: '0.25rem', marginBottom: '1rem' }

/**
 * The admin's sign-in with a second factor: password (Payload's /api/users/login, which answers
 * with a challenge when a code is due), then a code, or, for staff under REQUIRE_STAFF_2FA, the
 * enrolment of an authenticator. It ends with Payload's own admin cookie.
 */
export const TwoFactorSignIn = () => {
  const [stage, setStage] = useState<Stage>({ name: 'password' })
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [useRecovery, setUseRecovery] = useState(false)

  const run = (work: (form: FormData) => Promise<void>) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      await work(new FormData(event.currentTarget))
    } catch {
      setError('The server could not be reached: try again.')
    } finally {
      setBusy(false)
    }
  }

  const signIn = run(async (form) => {
    const { status, body } = await postJson('/api/users/login', { email: form.get('email'), password: form.get('password') })
    if (status === 200) return window.location.assign(ADMIN)
    const challenge = challengeOf(body)
    if (!challenge) return setError(messageOf(body, 'Sign-in failed.'))
    if (challenge.step === 'verify') return setStage({ name: 'code', challenge: challenge.challenge })
    const enrol = await postJson('/api/auth/2fa/enrol', { challenge: challenge.challenge })
    if (enrol.status !== 200) return setError(messageOf(enrol.body, 'Could not start the enrolment.'))
    setStage({ name: 'enrol', challenge: challenge.challenge, qrCode: String(enrol.body.qrCode), secret: String(enrol.body.secret) })
  })

  const verify = run(async (form) => {
    if (stage.name !== 'code') return
    const answer = String(form.get('code') ?? '').trim()
    const { status, body } = await postJson('/api/auth/2fa/verify', {
      challenge: stage.challenge,
      ...(useRecovery ? { recoveryCode: answer } : { code: answer }),
      cookie: true,
    })
    if (status === 200) return window.location.assign(ADMIN)
    setError(messageOf(body, 'The code was not accepted.'))
  })

  const confirm = run(async (form) => {
    if (stage.name !== 'enrol') return
    const { status, body } = await postJson('/api/auth/2fa/confirm', {
      challenge: stage.challenge,
      code: String(form.get('code') ?? '').trim(),
      cookie: true,
    })
    if (status !== 200) return setError(messageOf(body, 'The code was not accepted.'))
    setStage({ name: 'recovery-codes', codes: body.recoveryCodes as string[] })
  })

  return (
    <div style={{ maxWidth: 420, margin: '4rem auto', padding: '0 1rem' }} data-testid="two-factor-sign-in">
      <h1 style={{ marginBottom: '1.5rem' }}>Two-factor sign-in</h1>
      {error && (
        <p role="alert" style={{ color: 'var(--theme-error-500, #c00)' }}>
          {error}
        </p>
      )}
      {stage.name === 'password' && (
        <form onSubmit={signIn}>
          <label htmlFor="tf-email">Email</label>
          <input id="tf-email" name="email" type="email" autoComplete="email" required style={field} />
          <label htmlFor="tf-password">Password</label>
          <input id="tf-password" name="password" type="password" autoComplete="current-password" required style={field} />
          <button type="submit" className="btn btn--style-primary" disabled={busy}>
            Continue
          </button>
        </form>
      )}
      {stage.name === 'code' && (
        <form onSubmit={verify}>
          <label htmlFor="tf-code">{useRecovery ? 'Recovery code' : 'Code from your authenticator app'}</label>
          <input
            id="tf-code"
            name="code"
            autoComplete="one-time-code"
            inputMode={useRecovery ? 'text' : 'numeric'}
            required
            style={field}
          />
          <button type="submit" className="btn btn--style-primary" disabled={busy}>
            Sign in
          </button>
          <p>
            <button type="button" className="btn btn--style-secondary" onClick={() => setUseRecovery(!useRecovery)}>
              {useRecovery ? 'Use a code from the app' : 'Use a recovery code'}
            </button>
          </p>
        </form>
      )}
      {stage.name === 'enrol' && (
        <form onSubmit={confirm}>
          <p>Your role requires two-factor sign-in. Scan this code with an authenticator app, then enter the code it shows.</p>
          <img src={stage.qrCode} alt="QR code for your authenticator app" width={240} height={240} />
          <p>
            Or type this key: <code data-testid="two-factor-secret">{stage.secret}</code>
          </p>
          <label htmlFor="tf-code">Code from your authenticator app</label>
          <input id="tf-code" name="code" autoComplete="one-time-code" inputMode="numeric" required style={field} />
          <button type="submit" className="btn btn--style-primary" disabled={busy}>
            Turn on and sign in
          </button>
        </form>
      )}
      {stage.name === 'recovery-codes' && (
        <div>
          <p>Two-factor sign-in is on. Keep these recovery codes somewhere safe: each works once, and they are not shown again.</p>
          <ul data-testid="recovery-codes" style={{ fontFamily: 'monospace', columns: 2 }}>
            {stage.codes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
          <a className="btn btn--style-primary" href={ADMIN}>
            Continue to the admin panel
          </a>
        </div>
      )}
    </div>
  )
}
