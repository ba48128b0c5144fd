import { can, type Permission, ROLES, type Role } from '@qalxan/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memberships, notifications, user } from '../src/db/schema/index.ts'
import {
  as,
  createTestApp,
  DATABASES,
  makeOrg,
  makeUser,
  multipart,
  ORIGIN,
  type Org,
  signIn,
  type TestApp,
} from './helpers.ts'

type Side = 'own' | 'other'
type Ctx = {
  t: TestApp
  org: Record<Side, Org>
  side: Side
  api: ReturnType<typeof as>
  fileOf: Record<Side, string>
}
type Req = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  url: string
  body?: unknown
  upload?: { name: string; content: string }
}
type Row = {
  name: string
  /** null: any signed-in user may. */
  permission: Permission | null
  /** Whether the permission is checked against the target organisation, or held anywhere. */
  scoped: boolean
  /** What a refused caller sees: 404 for someone else's object, 403 for an action. */
  denied: 403 | 404 | 'userTarget'
  request: (c: Ctx) => Promise<Req> | Req
}

let seq = 0
/** A fresh user in the organisation, so state-changing rows never act on each other's targets. */
const targetUser = async (c: Ctx) => {
  const id = crypto.randomUUID()
  await c.t.database.db.insert(user).values({ id, email: `target${++seq}@test.az`, name: `Target ${seq}` })
  await c.t.database.db
    .insert(memberships)
    .values({ userId: id, orgId: c.org[c.side].id, validFrom: '2024-01-01' })
  return id
}

const CSV_ORG = 'code,name_az,type\nTBL-X,Cədvəl,agency\n'

const ROWS: Row[] = [
  {
    name: 'list organisations',
    permission: 'org.read',
    scoped: false,
    denied: 403,
    request: () => ({ method: 'GET', url: '/api/organizations' }),
  },
  {
    name: 'organisation tree',
    permission: 'org.read',
    scoped: false,
    denied: 403,
    request: () => ({ method: 'GET', url: '/api/organizations/tree' }),
  },
  {
    name: 'read organisation',
    permission: 'org.read',
    scoped: true,
    denied: 404,
    request: (c) => ({ method: 'GET', url: `/api/organizations/${c.org[c.side].id}` }),
  },
  {
    name: 'list units',
    permission: 'org.read',
    scoped: true,
    denied: 404,
    request: (c) => ({ method: 'GET', url: `/api/organizations/${c.org[c.side].id}/units` }),
  },
  {
    name: 'create organisation',
    permission: 'org.manage',
    scoped: false,
    denied: 403,
    request: () => ({
      method: 'POST',
      url: '/api/organizations',
      body: { code: `T-${++seq}`, name: { az: 'Yeni' }, type: 'agency' },
    }),
  },
  {
    name: 'update organisation',
    permission: 'org.manage',
    scoped: true,
    denied: 403,
    request: (c) => ({
      method: 'PATCH',
      url: `/api/organizations/${c.org[c.side].id}`,
      body: { shortName: `S${++seq}` },
    }),
  },
  {
    name: 'create unit',
    permission: 'org.manage',
    scoped: true,
    denied: 403,
    request: (c) => ({
      method: 'POST',
      url: `/api/organizations/${c.org[c.side].id}/units`,
      body: { name: { az: `Şöbə ${++seq}` } },
    }),
  },
  {
    name: 'import organisations (dry run)',
    permission: 'org.manage',
    scoped: false,
    denied: 403,
    request: () => ({
      method: 'POST',
      url: '/api/organizations/import?dryRun=true',
      upload: { name: 'o.csv', content: CSV_ORG },
    }),
  },
  {
    name: 'list users',
    permission: 'user.read',
    scoped: false,
    denied: 403,
    request: () => ({ method: 'GET', url: '/api/users' }),
  },
  {
    name: 'read user',
    permission: 'user.read',
    scoped: true,
    denied: 404,
    request: async (c) => ({ method: 'GET', url: `/api/users/${await targetUser(c)}` }),
  },
  {
    name: 'membership history',
    permission: 'user.read',
    scoped: true,
    denied: 404,
    request: async (c) => ({ method: 'GET', url: `/api/users/${await targetUser(c)}/memberships` }),
  },
  {
    name: 'create user',
    permission: 'user.manage',
    scoped: true,
    denied: 403,
    request: (c) => ({
      method: 'POST',
      url: '/api/users',
      body: { name: 'Yeni İstifadəçi', email: `new${++seq}@test.az`, orgId: c.org[c.side].id },
    }),
  },
  {
    name: 'update user',
    permission: 'user.manage',
    scoped: true,
    denied: 'userTarget',
    request: async (c) => ({
      method: 'PATCH',
      url: `/api/users/${await targetUser(c)}`,
      body: { name: 'Dəyişdi' },
    }),
  },
  {
    name: 'set roles',
    permission: 'role.manage',
    scoped: true,
    denied: 'userTarget',
    request: async (c) => ({
      method: 'PUT',
      url: `/api/users/${await targetUser(c)}/roles`,
      body: { grants: [{ role: 'viewer', orgId: c.org[c.side].id }] },
    }),
  },
  {
    name: 'move user',
    permission: 'user.manage',
    scoped: true,
    denied: 'userTarget',
    request: async (c) => ({
      method: 'POST',
      url: `/api/users/${await targetUser(c)}/move`,
      body: {
        orgId: c.org[c.side].id,
        validFrom: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
      },
    }),
  },
  {
    name: 'resend invitation',
    permission: 'user.manage',
    scoped: true,
    denied: 'userTarget',
    request: async (c) => ({ method: 'POST', url: `/api/users/${await targetUser(c)}/invite` }),
  },
  {
    name: 'audit log',
    permission: 'audit.read',
    scoped: false,
    denied: 403,
    request: () => ({ method: 'GET', url: '/api/audit' }),
  },
  {
    name: 'audit export',
    permission: 'audit.export',
    scoped: false,
    denied: 403,
    request: () => ({ method: 'GET', url: '/api/audit/export.csv' }),
  },
  {
    name: 'mail outbox',
    permission: 'outbox.read',
    scoped: false,
    denied: 403,
    request: () => ({ method: 'GET', url: '/api/admin/outbox' }),
  },
  {
    name: 'create API token',
    permission: 'token.manage',
    scoped: false,
    denied: 403,
    request: () => ({
      method: 'POST',
      url: '/api/tokens',
      body: { name: 'x', scopes: ['read'], expiresInDays: 1 },
    }),
  },
  {
    name: 'upload evidence',
    permission: 'file.upload',
    scoped: false,
    denied: 403,
    request: () => ({ method: 'POST', url: '/api/files', upload: { name: 'a.txt', content: 'Sübut' } }),
  },
  {
    name: 'download evidence',
    permission: null,
    scoped: true,
    denied: 404,
    request: (c) => ({ method: 'GET', url: `/api/files/${c.fileOf[c.side]}/content` }),
  },
  {
    name: 'who am I',
    permission: null,
    scoped: false,
    denied: 403,
    request: () => ({ method: 'GET', url: '/api/me' }),
  },
  {
    name: 'my sessions',
    permission: null,
    scoped: false,
    denied: 403,
    request: () => ({ method: 'GET', url: '/api/me/sessions' }),
  },
  {
    name: 'my tokens',
    permission: null,
    scoped: false,
    denied: 403,
    request: () => ({ method: 'GET', url: '/api/tokens' }),
  },
  {
    name: 'my notifications',
    permission: null,
    scoped: false,
    denied: 403,
    request: () => ({ method: 'GET', url: '/api/notifications' }),
  },
  {
    name: 'user template',
    permission: null,
    scoped: false,
    denied: 403,
    request: () => ({ method: 'GET', url: '/api/users/import/template.xlsx' }),
  },
]

/** Reviewers read every organisation's evidence; others only their own. */
const REVIEWERS: Role[] = ['admin', 'secretariat', 'evaluator', 'auditor']

describe.each(DATABASES)('every route × role × own and other organisation on %s', (kind) => {
  let t: TestApp
  let org: Record<Side, Org>
  const apis = new Map<Role, ReturnType<typeof as>>()
  const fileOf = {} as Record<Side, string>

  beforeAll(async () => {
    t = await createTestApp(kind)
    org = { own: await makeOrg(t, 'OWN'), other: await makeOrg(t, 'OTHER') }
    for (const role of ROLES) {
      // Everyone has TOTP here, so step-up never hides what the permission table says.
      const u = await makeUser(t, `${role}@own.az`, org.own, [role], { enrolTotp: true })
      apis.set(role, as(t, await signIn(t, u)))
    }
    for (const side of ['own', 'other'] as const) {
      const uploader = as(
        t,
        await signIn(t, await makeUser(t, `up-${side}@test.az`, org[side], ['focal_point'])),
      )
      const m = multipart('evidence.txt', `Sübut ${side}`)
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/files',
        headers: { ...m.headers, origin: ORIGIN, cookie: uploader.cookie },
        payload: m.payload,
      })
      fileOf[side] = res.json().id
    }
  })
  afterAll(() => t.close())

  it('answers each role as the permission table says', async () => {
    const mismatches: string[] = []
    for (const row of ROWS) {
      for (const role of ROLES) {
        for (const side of row.scoped ? (['own', 'other'] as const) : (['own'] as const)) {
          const api = apis.get(role) as ReturnType<typeof as>
          const ctx: Ctx = { t, org, side, api, fileOf }
          const req = await row.request(ctx)
          const grants = [{ role, orgId: org.own.id }]
          const allowed =
            row.name === 'download evidence'
              ? side === 'own' || REVIEWERS.includes(role)
              : row.permission === null || can(grants, row.permission, row.scoped ? org[side].id : undefined)
          let res: Awaited<ReturnType<TestApp['app']['inject']>>
          if (req.upload) {
            const m = multipart(req.upload.name, req.upload.content)
            res = await t.app.inject({
              method: req.method,
              url: req.url,
              remoteAddress: api.ip,
              headers: { ...m.headers, origin: ORIGIN, cookie: api.cookie },
              payload: m.payload,
            })
          } else {
            res = await t.app.inject({
              method: req.method,
              url: req.url,
              remoteAddress: api.ip,
              headers: { origin: ORIGIN, cookie: api.cookie },
              ...(req.body === undefined ? {} : { payload: req.body as object }),
            })
          }
          const ok = res.statusCode >= 200 && res.statusCode < 300
          // Acting on a user one may not even see answers 404, as if the user did not exist.
          const denied =
            row.denied === 'userTarget' ? (can(grants, 'user.read', org[side].id) ? 403 : 404) : row.denied
          const expected = allowed ? '2xx' : String(denied)
          const got = ok ? '2xx' : String(res.statusCode)
          if (expected !== got)
            mismatches.push(
              `${row.name} as ${role} on ${side}: expected ${expected}, got ${got} ${ok ? '' : res.body.slice(0, 120)}`,
            )
        }
      }
    }
    expect(mismatches).toEqual([])
  })

  it('keeps notifications to their owner', async () => {
    const owner = (await (apis.get('viewer') as ReturnType<typeof as>).get('/api/me')).json().user.id
    const [n] = await t.database.db
      .insert(notifications)
      .values({ userId: owner, kind: 'test', title: 'Salam', body: 'Test' })
      .returning()
    expect(
      (await (apis.get('admin') as ReturnType<typeof as>).post(`/api/notifications/${n?.id}/read`))
        .statusCode,
    ).toBe(404)
    const mine = apis.get('viewer') as ReturnType<typeof as>
    expect((await mine.get('/api/notifications')).json()).toMatchObject({ unread: 1 })
    expect((await mine.post(`/api/notifications/${n?.id}/read`)).statusCode).toBe(200)
    expect((await mine.get('/api/notifications')).json()).toMatchObject({ unread: 0 })
  })
})
