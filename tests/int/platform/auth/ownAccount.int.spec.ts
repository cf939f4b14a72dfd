import fs from 'node:fs'
import path from 'node:path'
import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createAuthClient, registerUser, type AuthClient } from '../../../helpers/authClient'
import { gradientImage, uploadForm } from '../../../helpers/images'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

let ctx: PayloadInt
let auth: AuthClient
const createdFiles: string[] = []

beforeAll(async () => {
  ctx = await initPayloadInt('own-account')
  auth = createAuthClient(ctx.rest)
  // The first account of a database becomes admin; make it one that is not under test.
  await ctx.payload.create({ collection: 'users', data: { email: 'root@example.com', password: 'root-password' } })
})

afterAll(async () => {
  for (const file of createdFiles) fs.rmSync(file, { force: true })
  await ctx?.cleanup()
})

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })
const pool = () => (ctx.payload.db as unknown as { pool: Pool }).pool

describe('own profile', () => {
  it('reads and updates own name and bio, and cannot touch another profile', async () => {
    const me = await registerUser(auth, 'profile@example.com', 'profile-password', 'Before')
    const other = await registerUser(auth, 'other-profile@example.com')

    const updated = await ctx.rest.patch(`/users/${me.user.id}`, {
      method: 'PATCH',
      headers: { ...bearer(me.accessToken), 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'After', bio: 'Pilot, anime fan.' }),
    })
    expect(updated.status).toBe(200)
    expect(((await updated.json()) as { doc: { name: string; bio: string } }).doc).toMatchObject({
      name: 'After',
      bio: 'Pilot, anime fan.',
    })

    const tooLong = await ctx.rest.patch(`/users/${me.user.id}`, {
      method: 'PATCH',
      headers: { ...bearer(me.accessToken), 'Content-Type': 'application/json' },
      body: JSON.stringify({ bio: 'x'.repeat(1001) }),
    })
    expect(tooLong.status).toBe(400)
    expect(JSON.stringify(await tooLong.json())).toMatch(/bio/)

    const hijack = await ctx.rest.patch(`/users/${other.user.id}`, {
      method: 'PATCH',
      headers: { ...bearer(me.accessToken), 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Hijacked' }),
    })
    expect(hijack.status).toBeGreaterThanOrEqual(403)
    expect(hijack.status).toBeLessThan(500)
    expect((await ctx.payload.findByID({ collection: 'users', id: other.user.id })).name).toBe('Test User')
  })
})

describe('own avatar', () => {
  it('lets a user show an avatar they uploaded, and not somebody else’s', async () => {
    const owner = await registerUser(auth, 'avatar-owner@example.com')
    const thief = await registerUser(auth, 'avatar-thief@example.com')
    const upload = await ctx.rest.post('/avatars', {
      method: 'POST',
      headers: bearer(owner.accessToken),
      body: uploadForm({ data: await gradientImage(200, 200, 'png'), name: 'owner.png', type: 'image/png' }, {}),
    })
    expect(upload.status).toBe(201)
    const avatar = ((await upload.json()) as { doc: { id: number; filename: string } }).doc
    const avatarDir = path.resolve('media/avatars')
    createdFiles.push(
      ...fs
        .readdirSync(avatarDir)
        .filter((file) => file.startsWith(path.parse(avatar.filename).name))
        .map((file) => path.join(avatarDir, file)),
    )

    const setAvatar = (token: string, userId: number) =>
      ctx.rest.patch(`/users/${userId}`, {
        method: 'PATCH',
        headers: { ...bearer(token), 'Content-Type': 'application/json' },
        body: JSON.stringify({ avatar: avatar.id }),
      })
    expect((await setAvatar(owner.accessToken, owner.user.id)).status).toBe(200)
    const stolen = await setAvatar(thief.accessToken, thief.user.id)
    expect(stolen.status).toBe(400)
    expect(JSON.stringify(await stolen.json())).toMatch(/avatar/)
    expect((await ctx.payload.findByID({ collection: 'users', id: thief.user.id, depth: 0 })).avatar ?? null).toBeNull()
  })
})

describe('deleting one’s own account', () => {
  it('removes the account with its sessions and avatars, and nobody else’s', async () => {
    const leaving = await registerUser(auth, 'leaving@example.com', 'leaving-password')
    const second = await auth.login({ email: 'leaving@example.com', password: 'leaving-password' })
    expect(second.status).toBe(200)
    const staying = await registerUser(auth, 'staying@example.com')

    const avatarUpload = await ctx.rest.post('/avatars', {
      method: 'POST',
      headers: bearer(leaving.accessToken),
      body: uploadForm({ data: await gradientImage(300, 300, 'jpeg'), name: 'me.jpg', type: 'image/jpeg' }, {}),
    })
    expect(avatarUpload.status).toBe(201)
    const avatar = ((await avatarUpload.json()) as { doc: { id: number; filename: string } }).doc
    const avatarDir = path.resolve('media/avatars')
    createdFiles.push(
      ...fs
        .readdirSync(avatarDir)
        .filter((file) => file.startsWith(path.parse(avatar.filename).name))
        .map((file) => path.join(avatarDir, file)),
    )
    expect(fs.existsSync(path.join(avatarDir, avatar.filename))).toBe(true)

    const refused = await ctx.rest.delete(`/users/${staying.user.id}`, { method: 'DELETE', headers: bearer(leaving.accessToken) })
    expect(refused.status).toBeGreaterThanOrEqual(403)
    expect(refused.status).toBeLessThan(500)

    const deleted = await ctx.rest.delete(`/users/${leaving.user.id}`, { method: 'DELETE', headers: bearer(leaving.accessToken) })
    expect(deleted.status).toBe(200)

    expect((await ctx.payload.count({ collection: 'users', where: { id: { equals: leaving.user.id } } })).totalDocs).toBe(0)
    expect((await pool().query(`SELECT count(*)::int AS n FROM auth_sessions WHERE user_id = $1`, [leaving.user.id])).rows[0].n).toBe(0)
    expect((await pool().query(`SELECT count(*)::int AS n FROM users_sessions WHERE _parent_id = $1`, [leaving.user.id])).rows[0].n).toBe(0)
    expect((await ctx.payload.count({ collection: 'avatars', where: { id: { equals: avatar.id } } })).totalDocs).toBe(0)
    expect(fs.existsSync(path.join(avatarDir, avatar.filename))).toBe(false)
    expect((await auth.refresh(leaving.refreshToken)).status).toBe(401)

    expect((await auth.sessions(staying.accessToken)).status).toBe(200)
  })
})
