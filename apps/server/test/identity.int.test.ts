import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiTokens, auditEvents, session } from '../src/db/schema/index.ts'
import { LOCKOUT_THRESHOLD } from '../src/modules/identity/auth.ts'
import { totpFromUri } from '../src/platform/totp.ts'
import {
  as,
  cookiesOf,
  createTestApp,
  DATABASES,
  makeOrg,
  makeUser,
  ORIGIN,
  type Org,
  PASSWORD,
  randomIp,
  signIn,
  type TestApp,
  type TestUser,
} from './helpers.ts'

describe.each(DATABASES)('identity on %s', (kind) => {
  let t: TestApp
  let org: Org
  let other: Org
  let admin: TestUser
  let focal: TestUser

  beforeAll(async () => {
    t = await createTestApp(kind)
    org = await makeOrg(t, 'XRITDX')
    other = await makeOrg(t, 'RINN')
    admin = await makeUser(t, 'admin@test.az', org, ['admin'])
    focal = await makeUser(t, 'focal@test.az', other, ['focal_point'])
  })
  afterAll(() => t.close())

  const signInRaw = (email: string, password: string, remoteAddress = randomIp(), lang?: 'en') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: ORIGIN, ...(lang ? { 'accept-language': lang } : {}) },
      remoteAddress,
      payload: { email, password },
    })

  it('signs in with a password and shows who is signed in', async () => {
    const cookie = await signIn(t, focal)
    const me = await as(t, cookie).get('/api/me')
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({
      user: { email: 'focal@test.az' },
      organization: { id: other.id },
      mfaSetupRequired: false,
    })
    expect(me.json().permissions).toContain('file.upload')
    expect(me.json().permissions).not.toContain('audit.read')
  })

  it('refuses a wrong password with the error envelope and records the failure', async () => {
    const res = await signInRaw('focal@test.az', 'wrong-password-123')
    expect(res.statusCode).toBe(401)
    // Without Accept-Language the answer is in the portal's default language, Azerbaijani.
    expect(res.json().error).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'E-poçt və ya şifrə yanlışdır',
    })
    expect(res.json().error.requestId).toBeTruthy()
    const en = await signInRaw('focal@test.az', 'wrong-password-123', randomIp(), 'en')
    expect(en.json().error.message).toBe('Invalid email or password')
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'auth.sign_in'))
    expect(events.some((e) => e.outcome === 'failure')).toBe(true)
  })

  it('locks an account after repeated wrong passwords, even for the right one, until the lock expires', async () => {
    const victim = await makeUser(t, 'victim@test.az', other, ['viewer'])
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++)
      expect((await signInRaw(victim.email, `wrong-${i}-password`)).statusCode).toBe(401)
    const locked = await signInRaw(victim.email, PASSWORD, randomIp(), 'en')
    expect(locked.statusCode).toBe(429)
    expect(locked.json().error.message).toMatch(/locked until/)
    t.clock.advance(16 * 60_000)
    expect((await signInRaw(victim.email, PASSWORD)).statusCode).toBe(200)
  })

  it('asks privileged users for the second factor and accepts a recovery code once', async () => {
    const first = await signInRaw(admin.email, PASSWORD)
    expect(first.json()).toMatchObject({ twoFactorRedirect: true })
    const cookie = cookiesOf(first)
    // Without the second factor there is no session.
    expect((await as(t, cookie).get('/api/me')).statusCode).toBe(401)
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/two-factor/verify-totp',
      headers: { origin: ORIGIN, cookie },
      payload: { code: '000000' },
    })
    expect(bad.statusCode).toBe(401)
    const code = admin.recoveryCodes?.[0] as string
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/two-factor/verify-backup-code',
      headers: { origin: ORIGIN, cookie },
      payload: { code },
    })
    expect(ok.statusCode).toBe(200)
    const me = await as(t, cookiesOf(ok, cookie)).get('/api/me')
    expect(me.json().mfaVerifiedAt).toBeTruthy()
    // The same recovery code does not work twice.
    const again = cookiesOf(await signInRaw(admin.email, PASSWORD))
    const reuse = await t.app.inject({
      method: 'POST',
      url: '/api/auth/two-factor/verify-backup-code',
      headers: { origin: ORIGIN, cookie: again },
      payload: { code },
    })
    expect(reuse.statusCode).toBe(401)
  })

  it('closes everything but enrolment to a privileged user without a second factor', async () => {
    const sec = await makeUser(t, 'sec@test.az', org, ['secretariat'], { enrolTotp: false })
    const cookie = await signIn(t, sec)
    const api = as(t, cookie)
    const me = await api.get('/api/me')
    expect(me.json().mfaSetupRequired).toBe(true)
    const orgs = await api.get('/api/organizations')
    expect(orgs.statusCode).toBe(403)
    expect(orgs.json().error).toMatchObject({ code: 'MFA_REQUIRED', details: { setup: true } })
    const enable = await api.post('/api/auth/two-factor/enable', { password: PASSWORD })
    expect(enable.statusCode).toBe(200)
    const code = await totpFromUri(enable.json().totpURI)
    const verify = await t.app.inject({
      method: 'POST',
      url: '/api/auth/two-factor/verify-totp',
      headers: { origin: ORIGIN, cookie },
      payload: { code },
    })
    expect(verify.statusCode).toBe(200)
    expect((await as(t, cookiesOf(verify, cookie)).get('/api/organizations')).statusCode).toBe(200)
  })

  it('needs a fresh second factor for sensitive actions (step-up)', async () => {
    const cookie = await signIn(t, admin)
    const api = as(t, cookie)
    expect(
      (await api.post('/api/tokens', { name: 'ci', scopes: ['read'], expiresInDays: 30 })).statusCode,
    ).toBe(201)
    t.clock.advance(11 * 60_000)
    const stale = await api.put(`/api/users/${focal.id}/roles`, {
      grants: [{ role: 'head', orgId: other.id }],
    })
    expect(stale.statusCode).toBe(403)
    expect(stale.json().error).toMatchObject({ code: 'MFA_REQUIRED', details: { stepUp: true } })
    const step = await api.post('/api/auth/two-factor/verify-totp', {
      code: await totpFromUri(admin.totpUri as string),
    })
    expect(step.statusCode).toBe(200)
    const fresh = await api.put(`/api/users/${focal.id}/roles`, {
      grants: [{ role: 'focal_point', orgId: other.id }],
    })
    expect(fresh.statusCode).toBe(200)
  })

  it('issues API tokens shown once, stored hashed, scoped and expiring', async () => {
    const owner = await makeUser(t, 'owner@test.az', other, ['focal_point'], { enrolTotp: true })
    const api = as(t, await signIn(t, owner))
    const created = await api.post('/api/tokens', { name: 'reports bot', scopes: ['read'], expiresInDays: 1 })
    expect(created.statusCode).toBe(201)
    const { secret, token } = created.json()
    expect(secret).toMatch(/^qx_/)
    const [row] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.id, token.id))
    expect(row?.tokenHash).not.toContain(secret)
    expect(JSON.stringify((await api.get('/api/tokens')).json())).not.toContain(secret)

    const bearer = { authorization: `Bearer ${secret}` }
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer })
    expect(me.json()).toMatchObject({ authMethod: 'token', user: { email: owner.email } })
    const write = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer,
      payload: { locale: 'en' },
    })
    expect(write.statusCode).toBe(403)
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${secret}x` },
    })
    expect(forged.statusCode).toBe(401)

    t.clock.advance(25 * 3600_000)
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer })).statusCode).toBe(401)
    t.clock.advance(-25 * 3600_000)
    expect((await api.del(`/api/tokens/${token.id}`)).statusCode).toBe(200)
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer })).statusCode).toBe(401)
  })

  it('limits sign-in attempts from one address', async () => {
    const ip = randomIp()
    const codes: number[] = []
    for (let i = 0; i < 12; i++)
      codes.push((await signInRaw(`nobody${i}@test.az`, 'wrong-password-1', ip)).statusCode)
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true)
    expect(codes.at(-1)).toBe(429)
  })

  it('refuses API tokens to a session without a second factor', async () => {
    const res = await as(t, await signIn(t, focal)).post('/api/tokens', {
      name: 'x',
      scopes: ['read'],
      expiresInDays: 1,
    })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('MFA_REQUIRED')
  })

  it('lists sessions and revokes one', async () => {
    const first = await signIn(t, focal)
    const second = await signIn(t, focal)
    const list = (await as(t, second).get('/api/me/sessions')).json() as { id: string; current: boolean }[]
    expect(list.length).toBeGreaterThanOrEqual(2)
    // Which listed session is the first browser's: the one it sees as current.
    const firstList = (await as(t, first).get('/api/me/sessions')).json() as {
      id: string
      current: boolean
    }[]
    const firstId = firstList.find((s) => s.current)?.id as string
    expect(list.find((s) => s.current)?.id).not.toBe(firstId)
    expect(list.map((s) => s.id)).toContain(firstId)
    expect((await as(t, first).get('/api/me')).statusCode).toBe(200)
    expect((await as(t, second).del(`/api/me/sessions/${firstId}`)).statusCode).toBe(200)
    // The revoked browser is signed out at once; the one that revoked it is not.
    const revoked = await as(t, first).get('/api/me')
    expect(revoked.statusCode).toBe(401)
    expect(revoked.json().error.code).toBe('UNAUTHENTICATED')
    expect((await as(t, second).get('/api/me')).statusCode).toBe(200)
    const after = (await as(t, second).get('/api/me/sessions')).json() as { id: string }[]
    expect(after.map((s) => s.id)).not.toContain(firstId)
    expect((await as(t, second).del('/api/me/sessions/not-mine')).statusCode).toBe(404)
  })

  it('sees a changed role, clearance or account and an ended session on the very next request', async () => {
    const boss = as(t, await signIn(t, admin))
    const u = await makeUser(t, 'changing@test.az', org, ['focal_point', 'head'])
    const cookie = await signIn(t, u)
    const api = as(t, cookie, 'en')
    const before = (await api.get('/api/me')).json()
    expect(before.permissions).toContain('report.submit')
    expect(before.organization).toMatchObject({ id: org.id, name: `Təşkilat ${org.code}` })

    const roles = await boss.put(`/api/users/${u.id}/roles`, {
      grants: [{ role: 'focal_point', orgId: org.id }],
    })
    expect(roles.statusCode).toBe(200)
    const after = (await api.get('/api/me')).json()
    expect(after.grants).toEqual([{ role: 'focal_point', orgId: org.id }])
    expect(after.permissions).not.toContain('report.submit')

    expect((await boss.patch(`/api/users/${u.id}`, { clearance: 'public' })).statusCode).toBe(200)
    expect((await api.get('/api/me')).json().user.clearance).toBe('public')

    expect((await boss.patch(`/api/users/${u.id}`, { disabled: true })).statusCode).toBe(200)
    expect((await api.get('/api/me')).statusCode).toBe(401)
    expect((await boss.patch(`/api/users/${u.id}`, { disabled: false })).statusCode).toBe(200)
    expect((await api.get('/api/me')).statusCode).toBe(200)

    // Signing out ends the session at once.
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { origin: ORIGIN, cookie },
      payload: {},
    })
    expect(out.statusCode).toBe(200)
    expect((await api.get('/api/me')).statusCode).toBe(401)

    // A tampered signature is no session, even for a token that exists.
    const fresh = await signIn(t, u)
    const [name, value] = fresh.split('=') as [string, string]
    const [token] = decodeURIComponent(value).split('.')
    const forged = `${name}=${encodeURIComponent(`${token}.${'A'.repeat(43)}=`)}`
    expect((await as(t, forged).get('/api/me')).statusCode).toBe(401)
  })

  it('renews a session in use as better-auth does and deletes an expired one', async () => {
    const cookie = await signIn(t, focal)
    // The newest of the user's sessions is the one just made.
    const sessions = await t.database.db.select().from(session).where(eq(session.userId, focal.id))
    const id = sessions.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]?.id as string
    // Signed in 20 minutes ago: past `updateAge` (15 minutes), so the next request moves the end on.
    const old = new Date(Date.now() + 8 * 3600_000 - 20 * 60_000)
    await t.database.db.update(session).set({ expiresAt: old }).where(eq(session.id, id))
    // A change straight in the database (not through this process's API) is seen once the caller
    // this process read is forgotten: at once here, within PRINCIPAL_TTL_MS otherwise.
    t.services.identity.forgetPrincipals()
    expect((await as(t, cookie).get('/api/me')).statusCode).toBe(200)
    const [renewed] = await t.database.db.select().from(session).where(eq(session.id, id))
    expect(renewed?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 8 * 3600_000 - 60_000)

    await t.database.db
      .update(session)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(session.id, id))
    t.services.identity.forgetPrincipals()
    expect((await as(t, cookie).get('/api/me')).statusCode).toBe(401)
    expect(await t.database.db.select().from(session).where(eq(session.id, id))).toEqual([])
  })

  it('refuses cookie-authenticated writes from another origin (CSRF)', async () => {
    const cookie = await signIn(t, focal)
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie, origin: 'https://evil.example', 'accept-language': 'en' },
      payload: { locale: 'ru' },
    })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.message).toMatch(/Cross-site/)
    const noOrigin = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie },
      payload: { locale: 'ru' },
    })
    expect(noOrigin.statusCode).toBe(403)
  })

  it('answers 401 without a session and never leaks password hashes', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/users' })).json().error.code).toBe(
      'UNAUTHENTICATED',
    )
    const api = as(t, await signIn(t, admin))
    const body = (await api.get('/api/users?limit=100')).body
    expect(body).not.toMatch(/\$argon2|"password"|"secret"|backupCodes/)
  })
})
