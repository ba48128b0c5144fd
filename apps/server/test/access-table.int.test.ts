import { ROLES, type Role } from '@qalxan/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiTokens, memberships, notifications, session, user } from '../src/db/schema/index.ts'
import { COORD_ROWS, type CoordWorld, setUpCoord } from './access-table.coord.ts'
import { PLAN_ROWS, type PlanWorld, setUpPlan } from './access-table.plan.ts'
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
  type TestUser,
} from './helpers.ts'

/*
 * Every API route × every role × the caller's own and another organisation, against statuses
 * written out by hand. The expectations are deliberately NOT computed from ROLE_PERMISSIONS or
 * can(): the server decides with those, so a wrong entry there must show up here as a mismatch.
 *
 * Adding a route? Add a row to ROWS: `route` exactly as registered ('METHOD /api/path/:param'),
 * a `request` that builds a call for the side it is given, and the statuses each role must get,
 * one column per role in the order of COLUMNS. A route without a row fails 'has a row for every
 * API route', which names it.
 */

/** The column order of every expectation grid (literal, so that a new role must be placed here). */
const COLUMNS = [
  'admin',
  'secretariat',
  'evaluator',
  'wg_chair',
  'wg_member',
  'focal_point',
  'head',
  'auditor',
  'viewer',
] as const satisfies readonly Role[]

/** One status per role, in COLUMNS order, separated by spaces (aligned under the header comments). */
type Grid = string
const everyone = (status: number): Grid => COLUMNS.map(() => String(status)).join(' ')

type Side = 'own' | 'other'
type Ctx = {
  t: TestApp
  org: Record<Side, Org>
  side: Side
  role: Role
  /** The signed-in user of this role (in the own organisation). */
  me: TestUser
  /** A user of the other organisation, owner of "someone else's" sessions, tokens, notifications. */
  stranger: TestUser
  fileOf: Record<Side, string>
  /** The strategy, measures, periods and reports the plan rows act on (access-table.plan.ts). */
  plan: PlanWorld
  /** The bodies, meetings and assignments the coordination rows act on (access-table.coord.ts). */
  coord: CoordWorld
}
type Req = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  url: string
  body?: unknown
  upload?: { name: string; content: string | Buffer }
}
type Row = {
  /** The route exactly as registered: method, a space, the URL pattern. */
  route: string
  name: string
  /**
   * Statuses for a call on the own side and, for routes that take an object, on the other side
   * (another organisation's object, or another person's session, token or notification).
   */
  expect: { own: Grid; other?: Grid }
  request: (c: Ctx) => Promise<Req> | Req
  /** More to check on a successful answer; returns the problem, if any. */
  check?: (res: { json(): unknown }, c: Ctx) => string | undefined
}

let seq = 0
/** A fresh user in the side's organisation, so state-changing rows never act on each other's targets. */
const targetUser = async (c: Ctx) => {
  const id = crypto.randomUUID()
  await c.t.database.db.insert(user).values({ id, email: `target${++seq}@test.az`, name: `Target ${seq}` })
  await c.t.database.db
    .insert(memberships)
    .values({ userId: id, orgId: c.org[c.side].id, validFrom: '2024-01-01' })
  return id
}
/** The owner of a personal object: the caller on the own side, someone in another organisation on the other. */
const ownerOf = (c: Ctx) => (c.side === 'own' ? c.me.id : c.stranger.id)
const sessionOf = async (c: Ctx) => {
  const id = crypto.randomUUID()
  await c.t.database.db.insert(session).values({
    id,
    token: crypto.randomUUID(),
    userId: ownerOf(c),
    expiresAt: new Date(Date.now() + 3600_000),
  })
  return id
}
const tokenOf = async (c: Ctx) => {
  const [row] = await c.t.database.db
    .insert(apiTokens)
    .values({
      userId: ownerOf(c),
      name: `t${++seq}`,
      prefix: 'qx_test',
      tokenHash: crypto.randomUUID(),
      scopes: ['read'],
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning()
  return row?.id as string
}
const notificationOf = async (c: Ctx) => {
  const [row] = await c.t.database.db
    .insert(notifications)
    .values({ userId: ownerOf(c), kind: 'test', title: 'Salam', body: 'Test' })
    .returning()
  return row?.id as string
}

const CSV_ORG = 'code,name_az,type\nTBL-X,Cədvəl,agency\n'
const csvUser = (c: Ctx) =>
  `email,name,organization_code\nimported${++seq}@test.az,İdxal ${seq},${c.org[c.side].code}\n`
/** Roles that read every organisation's people; the others read only their own organisation's. */
const READ_ALL_USERS: Role[] = ['admin', 'secretariat', 'auditor']

const PLATFORM_ROWS: Row[] = [
  // ─── organisations ─────────────────────────────────────────────────────────────────────────
  {
    route: 'GET /api/organizations',
    name: 'list organisations',
    expect: { own: everyone(200) },
    request: () => ({ method: 'GET', url: '/api/organizations' }),
  },
  {
    route: 'GET /api/organizations/tree',
    name: 'organisation tree',
    expect: { own: everyone(200) },
    request: () => ({ method: 'GET', url: '/api/organizations/tree' }),
  },
  {
    route: 'GET /api/organizations/:id',
    name: 'read organisation',
    expect: { own: everyone(200), other: everyone(200) },
    request: (c) => ({ method: 'GET', url: `/api/organizations/${c.org[c.side].id}` }),
  },
  {
    route: 'GET /api/organizations/:id/units',
    name: 'list units',
    expect: { own: everyone(200), other: everyone(200) },
    request: (c) => ({ method: 'GET', url: `/api/organizations/${c.org[c.side].id}/units` }),
  },
  {
    route: 'POST /api/organizations',
    name: 'create organisation',
    expect: {
      //     admin secr eval chair memb focal head audit view
      own: '  201  403  403  403   403  403   403  403   403',
    },
    request: () => ({
      method: 'POST',
      url: '/api/organizations',
      body: { code: `T-${++seq}`, name: { az: 'Yeni' }, type: 'agency' },
    }),
  },
  {
    route: 'PATCH /api/organizations/:id',
    name: 'update organisation',
    expect: {
      //       admin secr eval chair memb focal head audit view
      own: '    200  403  403  403   403  403   403  403   403',
      other: '  200  403  403  403   403  403   403  403   403',
    },
    request: (c) => ({
      method: 'PATCH',
      url: `/api/organizations/${c.org[c.side].id}`,
      body: { shortName: `S${++seq}` },
    }),
  },
  {
    route: 'POST /api/organizations/:id/units',
    name: 'create unit',
    expect: {
      //       admin secr eval chair memb focal head audit view
      own: '    201  403  403  403   403  403   403  403   403',
      other: '  201  403  403  403   403  403   403  403   403',
    },
    request: (c) => ({
      method: 'POST',
      url: `/api/organizations/${c.org[c.side].id}/units`,
      body: { name: { az: `Şöbə ${++seq}` } },
    }),
  },
  {
    route: 'GET /api/organizations/import/template.xlsx',
    name: 'organisation import template',
    expect: { own: everyone(200) },
    request: () => ({ method: 'GET', url: '/api/organizations/import/template.xlsx' }),
  },
  {
    route: 'POST /api/organizations/import',
    name: 'import organisations (dry run)',
    expect: {
      //     admin secr eval chair memb focal head audit view
      own: '  200  403  403  403   403  403   403  403   403',
    },
    request: () => ({
      method: 'POST',
      url: '/api/organizations/import?dryRun=true',
      upload: { name: 'o.csv', content: CSV_ORG },
    }),
  },
  {
    route: 'POST /api/organizations/import',
    name: 'import organisations (real run)',
    expect: {
      //     admin secr eval chair memb focal head audit view
      own: '  200  403  403  403   403  403   403  403   403',
    },
    request: () => ({
      method: 'POST',
      url: '/api/organizations/import?dryRun=false',
      upload: { name: 'o.csv', content: CSV_ORG },
    }),
  },
  // ─── people ────────────────────────────────────────────────────────────────────────────────
  {
    route: 'GET /api/users',
    name: 'list users',
    expect: {
      //     admin secr eval chair memb focal head audit view
      own: '  200  200  200  200   200  200   200  200   403',
    },
    // Two people only: the uploader of each organisation.
    request: () => ({ method: 'GET', url: '/api/users?q=up-&limit=100' }),
    check: (res, c) => {
      const orgIds = new Set((res.json() as { items: { orgId: string }[] }).items.map((u) => u.orgId))
      if (!orgIds.has(c.org.own.id)) return 'does not list its own organisation’s people'
      if (READ_ALL_USERS.includes(c.role))
        return orgIds.has(c.org.other.id) ? undefined : 'does not list the other organisation’s people'
      return orgIds.size === 1 ? undefined : 'lists people of another organisation, not only its own'
    },
  },
  {
    route: 'GET /api/users/:id',
    name: 'read user',
    expect: {
      //       admin secr eval chair memb focal head audit view
      own: '    200  200  200  200   200  200   200  200   404',
      other: '  200  200  404  404   404  404   404  200   404',
    },
    request: async (c) => ({ method: 'GET', url: `/api/users/${await targetUser(c)}` }),
  },
  {
    route: 'GET /api/users/:id/memberships',
    name: 'membership history',
    expect: {
      //       admin secr eval chair memb focal head audit view
      own: '    200  200  200  200   200  200   200  200   404',
      other: '  200  200  404  404   404  404   404  200   404',
    },
    request: async (c) => ({ method: 'GET', url: `/api/users/${await targetUser(c)}/memberships` }),
  },
  {
    route: 'POST /api/users',
    name: 'create user',
    expect: {
      //       admin secr eval chair memb focal head audit view
      own: '    201  403  403  403   403  403   201  403   403',
      other: '  201  403  403  403   403  403   403  403   403',
    },
    request: (c) => ({
      method: 'POST',
      url: '/api/users',
      body: { name: 'Yeni İstifadəçi', email: `new${++seq}@test.az`, orgId: c.org[c.side].id },
    }),
  },
  {
    // Acting on a person one may not even see answers 404, as if the person did not exist.
    route: 'PATCH /api/users/:id',
    name: 'update user',
    expect: {
      //       admin secr eval chair memb focal head audit view
      own: '    200  403  403  403   403  403   200  403   404',
      other: '  200  403  404  404   404  404   404  403   404',
    },
    request: async (c) => ({
      method: 'PATCH',
      url: `/api/users/${await targetUser(c)}`,
      body: { name: 'Dəyişdi' },
    }),
  },
  {
    route: 'PUT /api/users/:id/roles',
    name: 'set roles',
    expect: {
      //       admin secr eval chair memb focal head audit view
      own: '    200  403  403  403   403  403   403  403   404',
      other: '  200  403  404  404   404  404   404  403   404',
    },
    request: async (c) => ({
      method: 'PUT',
      url: `/api/users/${await targetUser(c)}/roles`,
      body: { grants: [{ role: 'viewer', orgId: c.org[c.side].id }] },
    }),
  },
  {
    route: 'POST /api/users/:id/move',
    name: 'move user',
    expect: {
      //       admin secr eval chair memb focal head audit view
      own: '    200  403  403  403   403  403   200  403   404',
      other: '  200  403  404  404   404  404   404  403   404',
    },
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
    route: 'POST /api/users/:id/invite',
    name: 'resend invitation',
    expect: {
      //       admin secr eval chair memb focal head audit view
      own: '    200  403  403  403   403  403   200  403   404',
      other: '  200  403  404  404   404  404   404  403   404',
    },
    request: async (c) => ({ method: 'POST', url: `/api/users/${await targetUser(c)}/invite` }),
  },
  {
    route: 'GET /api/users/import/template.xlsx',
    name: 'user import template',
    expect: { own: everyone(200) },
    request: () => ({ method: 'GET', url: '/api/users/import/template.xlsx' }),
  },
  {
    route: 'POST /api/users/import',
    name: 'import users (dry run)',
    expect: {
      //     admin secr eval chair memb focal head audit view
      own: '  200  403  403  403   403  403   200  403   403',
    },
    request: (c) => ({
      method: 'POST',
      url: '/api/users/import?dryRun=true',
      upload: { name: 'u.csv', content: csvUser(c) },
    }),
  },
  {
    // Into another organisation a head's file is refused row by row, so the real run answers 422.
    route: 'POST /api/users/import',
    name: 'import users (real run)',
    expect: {
      //       admin secr eval chair memb focal head audit view
      own: '    200  403  403  403   403  403   200  403   403',
      other: '  200  403  403  403   403  403   422  403   403',
    },
    request: (c) => ({
      method: 'POST',
      url: '/api/users/import?dryRun=false',
      upload: { name: 'u.csv', content: csvUser(c) },
    }),
  },
  // ─── audit, mail ───────────────────────────────────────────────────────────────────────────
  {
    route: 'GET /api/audit',
    name: 'audit log',
    expect: {
      //     admin secr eval chair memb focal head audit view
      own: '  200  403  403  403   403  403   403  200   403',
    },
    request: () => ({ method: 'GET', url: '/api/audit' }),
  },
  {
    route: 'GET /api/audit/export.csv',
    name: 'audit export',
    expect: {
      //     admin secr eval chair memb focal head audit view
      own: '  200  403  403  403   403  403   403  200   403',
    },
    request: () => ({ method: 'GET', url: '/api/audit/export.csv' }),
  },
  {
    route: 'GET /api/admin/outbox',
    name: 'mail outbox',
    expect: {
      //     admin secr eval chair memb focal head audit view
      own: '  200  403  403  403   403  403   403  403   403',
    },
    request: () => ({ method: 'GET', url: '/api/admin/outbox' }),
  },
  // ─── evidence files ────────────────────────────────────────────────────────────────────────
  {
    route: 'POST /api/files',
    name: 'upload evidence',
    expect: {
      //     admin secr eval chair memb focal head audit view
      own: '  201  201  201  201   201  201   201  403   403',
    },
    request: () => ({ method: 'POST', url: '/api/files', upload: { name: 'a.txt', content: 'Sübut' } }),
  },
  {
    // Reviewers (administrator, secretariat, evaluator, auditor) read every organisation's evidence.
    route: 'GET /api/files/:id/content',
    name: 'download evidence',
    expect: {
      //       admin secr eval chair memb focal head audit view
      own: everyone(200),
      other: '  200  200  200  404   404  404   404  200   404',
    },
    request: (c) => ({ method: 'GET', url: `/api/files/${c.fileOf[c.side]}/content` }),
  },
  // ─── one's own account ─────────────────────────────────────────────────────────────────────
  {
    route: 'GET /api/me',
    name: 'who am I',
    expect: { own: everyone(200) },
    request: () => ({ method: 'GET', url: '/api/me' }),
  },
  {
    route: 'PATCH /api/me',
    name: 'update my profile',
    expect: { own: everyone(200) },
    request: () => ({ method: 'PATCH', url: '/api/me', body: { locale: 'az' } }),
  },
  {
    route: 'GET /api/me/sessions',
    name: 'my sessions',
    expect: { own: everyone(200) },
    request: () => ({ method: 'GET', url: '/api/me/sessions' }),
  },
  {
    route: 'DELETE /api/me/sessions/:id',
    name: 'revoke a session',
    expect: { own: everyone(200), other: everyone(404) },
    request: async (c) => ({ method: 'DELETE', url: `/api/me/sessions/${await sessionOf(c)}` }),
  },
  {
    route: 'GET /api/tokens',
    name: 'my tokens',
    expect: { own: everyone(200) },
    request: () => ({ method: 'GET', url: '/api/tokens' }),
  },
  {
    route: 'POST /api/tokens',
    name: 'create API token',
    expect: {
      //     admin secr eval chair memb focal head audit view
      own: '  201  201  403  403   403  201   403  403   403',
    },
    request: () => ({
      method: 'POST',
      url: '/api/tokens',
      body: { name: 'x', scopes: ['read'], expiresInDays: 1 },
    }),
  },
  {
    // Anyone may revoke a token of their own, even after losing the right to create one.
    route: 'DELETE /api/tokens/:id',
    name: 'revoke API token',
    expect: { own: everyone(200), other: everyone(404) },
    request: async (c) => ({ method: 'DELETE', url: `/api/tokens/${await tokenOf(c)}` }),
  },
  {
    route: 'GET /api/notifications',
    name: 'my notifications',
    expect: { own: everyone(200) },
    request: () => ({ method: 'GET', url: '/api/notifications' }),
  },
  {
    route: 'POST /api/notifications/:id/read',
    name: 'mark a notification read',
    expect: { own: everyone(200), other: everyone(404) },
    request: async (c) => ({ method: 'POST', url: `/api/notifications/${await notificationOf(c)}/read` }),
  },
  {
    route: 'POST /api/notifications/read-all',
    name: 'mark all notifications read',
    expect: { own: everyone(200) },
    request: () => ({ method: 'POST', url: '/api/notifications/read-all' }),
  },
]

const ROWS: Row[] = [...PLATFORM_ROWS, ...PLAN_ROWS, ...COORD_ROWS]

/**
 * Registered /api/ routes that need no row, each with the reason. Only public routes may be
 * listed (checked below): a route that needs a session always needs a row.
 */
const EXEMPT: { route: RegExp; why: string }[] = [
  {
    route: /^(GET|POST) \/api\/auth\/\*$/,
    why: 'better-auth’s own endpoints (sign-in, second factor, passkeys, password reset): identity.int.test.ts',
  },
  { route: /^GET \/api\/docs(\/.*)?$/, why: 'the OpenAPI document and Swagger UI: public, no data' },
]

const parseGrid = (row: Row, side: Side, grid: Grid) => {
  const cells = grid.trim().split(/\s+/).map(Number)
  if (cells.length !== COLUMNS.length || cells.some((n) => !Number.isInteger(n)))
    throw new Error(
      `"${row.name}" (${side}): the grid needs ${COLUMNS.length} statuses, one per role: "${grid}"`,
    )
  return new Map(COLUMNS.map((role, i) => [role as Role, cells[i] as number]))
}
const patternOf = (route: string) => {
  const [method, url] = route.split(' ') as [string, string]
  return { method, url: new RegExp(`^${url.replace(/:[A-Za-z]+/g, '[^/?]+')}(\\?.*)?$`) }
}

describe.each(DATABASES)('every route × role × own and other organisation on %s', (kind) => {
  let t: TestApp
  let org: Record<Side, Org>
  const users = new Map<Role, TestUser>()
  const apis = new Map<Role, ReturnType<typeof as>>()
  const fileOf = {} as Record<Side, string>
  let stranger: TestUser
  let plan: PlanWorld
  let coord: CoordWorld

  beforeAll(async () => {
    t = await createTestApp(kind)
    org = { own: await makeOrg(t, 'OWN'), other: await makeOrg(t, 'OTHER') }
    for (const role of ROLES) {
      // Everyone has TOTP here, so step-up never hides what the permission table says.
      const u = await makeUser(t, `${role}@own.az`, org.own, [role], { enrolTotp: true })
      users.set(role, u)
      apis.set(role, as(t, await signIn(t, u)))
    }
    for (const side of ['own', 'other'] as const) {
      const uploader = await makeUser(t, `up-${side}@test.az`, org[side], ['focal_point'])
      if (side === 'other') stranger = uploader
      const m = multipart('evidence.txt', `Sübut ${side}`)
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/files',
        headers: { ...m.headers, origin: ORIGIN, cookie: await signIn(t, uploader) },
        payload: m.payload,
      })
      fileOf[side] = res.json().id
    }
    plan = await setUpPlan(t, org)
    coord = await setUpCoord(t, org, plan)
  })
  afterAll(() => t.close())

  it('has one expectation column per role', () => {
    expect([...COLUMNS].sort()).toEqual([...ROLES].sort())
  })

  it('has a row for every API route', () => {
    const registered = t.routes.flatMap((r) =>
      [r.method]
        .flat()
        .filter((m) => m !== 'HEAD')
        .map((m) => ({ key: `${m} ${r.url}`, auth: (r.config as { auth?: string } | undefined)?.auth })),
    )
    const api = registered.filter((r) => r.key.split(' ')[1]?.startsWith('/api/'))
    const exempt = api.filter((r) => EXEMPT.some((e) => e.route.test(r.key)))
    const covered = new Set(ROWS.map((r) => r.route))
    const missing = api.filter((r) => !covered.has(r.key) && !exempt.includes(r)).map((r) => r.key)
    expect(
      missing,
      `Routes without a row in ROWS of apps/server/test/access-table.int.test.ts:\n  ${missing.join('\n  ')}\n`,
    ).toEqual([])
    const stale = [...covered].filter((k) => !api.some((r) => r.key === k))
    expect(stale, 'Rows for routes that are not registered (renamed or removed?)').toEqual([])
    // An exemption may only cover a public route (the Swagger UI's own routes declare nothing).
    expect(exempt.filter((r) => r.auth === 'user').map((r) => r.key)).toEqual([])
  })

  it('answers each role as the hand-written table says', async () => {
    const mismatches: string[] = []
    for (const row of ROWS) {
      const sides = (['own', 'other'] as const).filter((s) => row.expect[s] !== undefined)
      for (const side of sides) {
        const expected = parseGrid(row, side, row.expect[side] as Grid)
        for (const role of ROLES) {
          const api = apis.get(role) as ReturnType<typeof as>
          const ctx: Ctx = {
            t,
            org,
            side,
            role,
            me: users.get(role) as TestUser,
            stranger,
            fileOf,
            plan,
            coord,
          }
          const req = await row.request(ctx)
          const pattern = patternOf(row.route)
          if (req.method !== pattern.method || !pattern.url.test(req.url))
            throw new Error(`"${row.name}" sends ${req.method} ${req.url}, which is not ${row.route}`)
          const headers = { origin: ORIGIN, cookie: api.cookie, 'accept-language': 'en' }
          const m = req.upload ? multipart(req.upload.name, req.upload.content) : null
          const res = await t.app.inject({
            method: req.method,
            url: req.url,
            remoteAddress: api.ip,
            headers: m ? { ...m.headers, ...headers } : headers,
            ...(m ? { payload: m.payload } : req.body === undefined ? {} : { payload: req.body as object }),
          })
          const want = expected.get(role)
          const where = `${row.route} (${row.name}) as ${role} on ${side}`
          if (res.statusCode !== want) {
            mismatches.push(`${where}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 120)}`)
            continue
          }
          const problem = res.statusCode < 300 ? row.check?.(res, ctx) : undefined
          if (problem) mismatches.push(`${where}: ${problem}`)
        }
      }
    }
    expect(mismatches).toEqual([])
  })

  it('keeps notifications to their owner', async () => {
    const owner = users.get('viewer')?.id as string
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
