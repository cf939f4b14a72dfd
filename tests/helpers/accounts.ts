import pg from 'pg'

/**
 * Registers an account through the token API of a running server and gives it `role` in SQL, the
 * way an operator would (sign-up never grants a role). Returns the user id and the access token.
 */
export const createAccountWithRole = async ({
  serverUrl,
  databaseUrl,
  email,
  password,
  role,
}: {
  serverUrl: string
  databaseUrl: string
  email: string
  password: string
  role: 'admin' | 'editor' | 'moderator' | 'user'
}): Promise<{ id: number; accessToken: string }> => {
  const response = await fetch(`${serverUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password, name: email.split('@')[0] }),
  })
  if (response.status !== 201) throw new Error(`register ${email}: ${response.status} ${await response.text()}`)
  const { accessToken, user } = (await response.json()) as { accessToken: string; user: { id: number } }
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query(`UPDATE users_roles SET value = $2 WHERE parent_id = $1`, [user.id, role])
  } finally {
    await client.end()
  }
  return { id: user.id, accessToken }
}
