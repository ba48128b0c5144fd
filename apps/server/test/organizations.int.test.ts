import { eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, organizations, user } from '../src/db/schema/index.ts'
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

const xlsx = async (rows: (string | undefined)[][]) => {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('s')
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe.each(DATABASES)('organisations and users on %s', (kind) => {
  let t: TestApp
  let home: Org
  let other: Org
  let admin: ReturnType<typeof as>
  let head: ReturnType<typeof as>
  let focalOther: { id: string }

  beforeAll(async () => {
    t = await createTestApp(kind)
    home = await makeOrg(t, 'HOME')
    other = await makeOrg(t, 'OTHER')
    admin = as(t, await signIn(t, await makeUser(t, 'admin@test.az', home, ['admin'])))
    head = as(t, await signIn(t, await makeUser(t, 'head@test.az', home, ['head'])))
    focalOther = await makeUser(t, 'focal@other.az', other, ['focal_point'])
  })
  afterAll(() => t.close())

  const upload = (api: ReturnType<typeof as>, url: string, name: string, content: Buffer | string) => {
    const m = multipart(name, content)
    return t.app.inject({
      method: 'POST',
      url,
      // These tests read the server's English text; the default language is Azerbaijani.
      headers: { ...m.headers, origin: ORIGIN, cookie: api.cookie, 'accept-language': 'en' },
      payload: m.payload,
    })
  }
  const orgCount = async () => (await t.database.db.select().from(organizations)).length

  it('creates an organisation, rejects a duplicate code and a parent cycle', async () => {
    const created = await admin.post('/api/organizations', {
      code: 'MIN-A',
      name: { az: 'Nazirlik A', en: 'Ministry A' },
      type: 'ministry',
      parentId: home.id,
    })
    expect(created.statusCode).toBe(201)
    const dup = await admin.post('/api/organizations', {
      code: 'MIN-A',
      name: { az: 'Başqa' },
      type: 'agency',
    })
    expect(dup.statusCode).toBe(409)
    expect(dup.json().error.message).toContain('"MIN-A"')
    const cycle = await admin.patch(`/api/organizations/${home.id}`, { parentId: created.json().id })
    expect(cycle.statusCode).toBe(422)
    const invalid = await admin.post('/api/organizations', { code: '', name: { az: '' }, type: 'planet' })
    expect(invalid.statusCode).toBe(422)
    expect(invalid.json().error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['body.code', 'body.name.az', 'body.type']),
    )
  })

  it('lets only administrators manage organisations and records the denial', async () => {
    const res = await head.post('/api/organizations', { code: 'X1', name: { az: 'X' }, type: 'agency' })
    expect(res.statusCode).toBe(403)
    const audit = await admin.get('/api/audit?action=access.denied')
    expect(audit.json().items[0].data).toMatchObject({ permission: 'org.manage' })
  })

  it('adds structural units to an organisation', async () => {
    const u = await admin.post(`/api/organizations/${home.id}/units`, {
      name: { az: 'İnformasiya təhlükəsizliyi şöbəsi' },
      code: 'IT',
    })
    expect(u.statusCode).toBe(201)
    const list = await admin.get(`/api/organizations/${home.id}/units`)
    expect(list.json()).toHaveLength(1)
  })

  it('dry-runs an organisation import, reports every row problem and writes nothing', async () => {
    const before = await orgCount()
    const file = await xlsx([
      ['code', 'name_az', 'name_en', 'type', 'jurisdiction', 'parent_code'],
      ['IMP-1', 'İdxal 1', 'Import 1', 'ministry', 'national', ''],
      ['IMP-1', 'Təkrar', '', 'agency', '', ''],
      ['IMP-2', '', '', 'agency', '', 'IMP-1'],
      ['IMP-3', 'Üç', '', 'planet', 'mars', 'NOPE'],
    ])
    const res = await upload(admin, '/api/organizations/import?dryRun=true', 'orgs.xlsx', file)
    expect(res.statusCode).toBe(200)
    const issues = res.json().issues as { row: number; column: string }[]
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'code' }),
        expect.objectContaining({ row: 4, column: 'name_az' }),
        expect.objectContaining({ row: 5, column: 'type' }),
        expect.objectContaining({ row: 5, column: 'jurisdiction' }),
      ]),
    )
    const real = await upload(admin, '/api/organizations/import?dryRun=false', 'orgs.xlsx', file)
    expect(real.statusCode).toBe(422)
    expect(real.json().error.details.issues.length).toBe(issues.length)
    expect(await orgCount()).toBe(before)
  })

  it('imports organisations from CSV with parents in any order, then updates them on a second import', async () => {
    const csv =
      '\uFEFFcode,name_az,name_ru,type,parent_code\nCHILD,Uşaq,Дочерняя,agency,PARENT\nPARENT,Valideyn,Родитель,ministry,HOME\n'
    const dry = await upload(admin, '/api/organizations/import?dryRun=true', 'orgs.csv', csv)
    expect(dry.json()).toMatchObject({ rows: 2, created: 2, updated: 0, issues: [] })
    const real = await upload(admin, '/api/organizations/import?dryRun=false', 'orgs.csv', csv)
    expect(real.statusCode).toBe(200)
    const tree = (await admin.get('/api/organizations/tree')).json() as {
      id: string
      code: string
      parentId: string
    }[]
    const parent = tree.find((o) => o.code === 'PARENT')
    expect(tree.find((o) => o.code === 'CHILD')?.parentId).toBe(parent?.id)
    expect(parent?.parentId).toBe(home.id)
    const again = await upload(
      admin,
      '/api/organizations/import?dryRun=false',
      'orgs.csv',
      csv.replace('Uşaq', 'Uşaq təşkilat'),
    )
    expect(again.json()).toMatchObject({ created: 0, updated: 2 })
  })

  it('rejects unreadable files clearly: not UTF-8, duplicate headers, unknown columns, a parent cycle, garbage', async () => {
    const latin1 = Buffer.from('code,name_az,type\nA,\xc7ay,agency\n', 'latin1')
    const enc = await upload(admin, '/api/organizations/import?dryRun=true', 'o.csv', latin1)
    expect(enc.statusCode).toBe(422)
    expect(enc.json().error.message).toMatch(/UTF-8/)
    const dupHeader = await upload(
      admin,
      '/api/organizations/import?dryRun=true',
      'o.csv',
      'code,code,name_az,type\nA,A,B,agency\n',
    )
    expect(dupHeader.json().error.details).toEqual([
      expect.objectContaining({ column: 'code', message: expect.stringMatching(/twice/) }),
    ])
    const unknown = await upload(
      admin,
      '/api/organizations/import?dryRun=true',
      'o.csv',
      'code,name_az,type,colour\nA,B,agency,red\n',
    )
    expect(unknown.json().error.details[0].message).toMatch(/Unknown column "colour"/)
    const cycle = await upload(
      admin,
      '/api/organizations/import?dryRun=true',
      'o.csv',
      'code,name_az,type,parent_code\nC1,a,agency,C2\nC2,b,agency,C1\n',
    )
    expect(cycle.json().issues.some((i: { message: string }) => /cycle/.test(i.message))).toBe(true)
    const binary = await upload(
      admin,
      '/api/organizations/import?dryRun=true',
      'o.xlsx',
      Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 1, 2, 3]),
    )
    expect(binary.statusCode).toBe(415)
    const broken = await upload(
      admin,
      '/api/organizations/import?dryRun=true',
      'o.csv',
      'code,name_az,type\n"A,B,agency\n',
    )
    expect(broken.statusCode).toBe(422)
    expect(broken.json().error.message).toMatch(/line/)
  })

  it('imports users with roles, refuses bad rows, and invites the new users by e-mail', async () => {
    const bad = await upload(
      admin,
      '/api/users/import?dryRun=true',
      'u.csv',
      'email,name,organization_code,roles\nnot-an-email,A,HOME,\nb@test.az,B,NOWHERE,\nc@test.az,C,HOME,wizard\nd@test.az,D,HOME,\nd@test.az,D2,HOME,\n',
    )
    const cols = (bad.json().issues as { row: number; column: string }[]).map((i) => `${i.row}:${i.column}`)
    expect(cols).toEqual(['2:email', '3:organization_code', '4:roles', '6:email'])
    const good = await upload(
      admin,
      '/api/users/import?dryRun=false',
      'u.csv',
      'email,name,organization_code,position,roles\nnew.focal@test.az,Nəriman Əliyev,OTHER,Məsləhətçi,focal_point;wg_member\n',
    )
    expect(good.json()).toMatchObject({ created: 1, issues: [] })
    const users = (await admin.get(`/api/users?orgId=${other.id}`)).json().items as {
      email: string
      grants: { role: string }[]
    }[]
    expect(
      users
        .find((u) => u.email === 'new.focal@test.az')
        ?.grants.map((g) => g.role)
        .sort(),
    ).toEqual(['focal_point', 'wg_member'])
    const outbox = (await admin.get('/api/admin/outbox?to=new.focal@test.az')).json()
    expect(outbox.items[0]).toMatchObject({ subject: expect.stringMatching(/^Qalxan: /), status: 'held' })
  })

  it('reports problems in the language the browser asks for', async () => {
    const m = multipart('o.csv', 'code,name_az,type\nA1,Bir,agency\nA1,İki,agency\nA3,,planet\n')
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/organizations/import?dryRun=true',
      headers: { ...m.headers, origin: ORIGIN, cookie: admin.cookie, 'accept-language': 'az' },
      payload: m.payload,
    })
    const messages = (res.json().issues as { message: string }[]).map((i) => i.message)
    expect(messages).toContain('Məcburidir')
    expect(messages).toContain('"A1" kodu 2-ci sətirdə də var')
    expect(messages).toHaveLength(3)
    expect(messages.some((x) => x.startsWith('Yanlış seçim'))).toBe(true)
    const invalid = await t.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: { origin: ORIGIN, cookie: admin.cookie, 'accept-language': 'ru' },
      payload: { code: 'has spaces', name: { az: 'X' }, type: 'agency' },
    })
    expect(invalid.json().error.message).toBe('Некоторые поля заполнены неверно')
    expect(invalid.json().error.details[0].message).toBe(
      'Используйте буквы, цифры, точку, косую черту, дефис или подчёркивание',
    )
    const missing = await t.app.inject({
      method: 'GET',
      url: `/api/users/${crypto.randomUUID()}`,
      headers: { cookie: admin.cookie, 'accept-language': 'az' },
    })
    expect(missing.json().error.message).toMatch(/istifadəçisi tapılmadı$/)
    // No Accept-Language, or only languages the portal lacks: the portal's default, Azerbaijani.
    for (const headers of [{}, { 'accept-language': 'de-DE,fr;q=0.8' }]) {
      const plain = await t.app.inject({
        method: 'GET',
        url: `/api/organizations/${crypto.randomUUID()}`,
        headers: { cookie: admin.cookie, ...headers },
      })
      expect(plain.json().error.message).toMatch(/təşkilatı tapılmadı$/)
    }
  })

  it('offers XLSX templates that import back without problems', async () => {
    const tpl = await admin.get('/api/organizations/import/template.xlsx')
    expect(tpl.headers['content-type']).toContain('spreadsheetml')
    const res = await upload(admin, '/api/organizations/import?dryRun=true', 'tpl.xlsx', tpl.rawPayload)
    expect(res.json()).toMatchObject({ rows: 1, issues: [] })
  })

  it('keeps another organisation’s users out of reach of a head (404) and inside it for an administrator', async () => {
    expect((await head.get(`/api/users/${focalOther.id}`)).statusCode).toBe(404)
    const mine = (await head.get('/api/users')).json().items as { orgId: string }[]
    expect(mine.every((u) => u.orgId === home.id)).toBe(true)
    expect((await admin.get(`/api/users/${focalOther.id}`)).statusCode).toBe(200)
  })

  it('creates a user with an invitation, and keeps a dated membership history when the user moves', async () => {
    const created = await admin.post('/api/users', {
      name: 'Səbinə Qasımova',
      email: 'Sabina@Test.az',
      orgId: home.id,
      position: 'Mütəxəssis',
    })
    expect(created.statusCode).toBe(201)
    const id = created.json().id
    expect(created.json().email).toBe('sabina@test.az')
    const dup = await admin.post('/api/users', { name: 'X', email: 'sabina@test.az', orgId: home.id })
    expect(dup.statusCode).toBe(409)
    // The invitation's link sets the password, after which the new user signs in.
    const mail = (await t.services.outbox.list(t.database.db, 5, 0, { to: 'sabina@test.az' })).items[0]
    expect(mail?.subject).toBe('Qalxan: şifrənizi təyin edin')
    const token = decodeURIComponent(/token=([^\s]+)/.exec(mail?.text ?? '')?.[1] ?? '')
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      headers: { origin: ORIGIN },
      payload: { token, newPassword: 'a-new-password-2026' },
    })
    expect(reset.statusCode).toBe(200)
    await expect(signIn(t, { id, email: 'sabina@test.az' }, 'a-new-password-2026')).resolves.toContain(
      'qalxan',
    )
    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      headers: { origin: ORIGIN },
      payload: { token, newPassword: 'another-password-2026' },
    })
    expect(reused.statusCode).toBe(422)
    const today = t.clock.now().toISOString().slice(0, 10)
    const past = await admin.post(`/api/users/${id}/move`, { orgId: other.id, validFrom: '2000-01-01' })
    expect(past.statusCode).toBe(422)
    const next = new Date(t.clock.now().getTime() + 86_400_000 * 3).toISOString().slice(0, 10)
    const moved = await admin.post(`/api/users/${id}/move`, { orgId: other.id, validFrom: next })
    expect(moved.statusCode).toBe(200)
    const history = moved.json() as { orgId: string; validFrom: string; validTo: string | null }[]
    expect(history).toHaveLength(2)
    expect(history[0]).toMatchObject({ orgId: home.id, validFrom: today })
    expect(history[0]?.validTo).not.toBeNull()
    expect(history[1]).toMatchObject({ orgId: other.id, validFrom: next, validTo: null })
  })

  it('pages through users with the same name without skipping or repeating anyone', async () => {
    const { user, memberships } = await import('../src/db/schema/index.ts')
    for (let i = 0; i < 7; i++) {
      const id = crypto.randomUUID()
      await t.database.db.insert(user).values({ id, email: `same${i}@test.az`, name: 'Eyni Ad' })
      await t.database.db.insert(memberships).values({ userId: id, orgId: other.id, validFrom: '2024-01-01' })
    }
    const seen: string[] = []
    for (let offset = 0; offset < 7; offset += 2) {
      const page = (await admin.get(`/api/users?q=Eyni&limit=2&offset=${offset}`)).json()
      seen.push(...page.items.map((u: { id: string }) => u.id))
    }
    expect(new Set(seen).size).toBe(7)
    expect(seen).toHaveLength(7)
  })

  it('lets only an administrator set clearances, never above their own, by form and by import; denials are audited', async () => {
    const clearanceOf = async (email: string) =>
      (await t.database.db.select().from(user).where(eq(user.email, email)))[0]?.clearance
    const denials = async () =>
      (
        await t.database.db
          .select()
          .from(auditEvents)
          .where(eq(auditEvents.action, 'access.denied'))
          .orderBy(auditEvents.seq)
      ).filter((e) => (e.data as { rule?: string }).rule === 'clearance')
    const headEn = as(t, head.cookie, 'en')
    const adminEn = as(t, admin.cookie, 'en')
    const headId = (await head.get('/api/me')).json().user.id as string
    const before = (await denials()).length

    // A head creates people at `public` only; left out, the clearance is `public`.
    const plain = await head.post('/api/users', { name: 'Açıq', email: 'open@test.az', orgId: home.id })
    expect(plain.statusCode).toBe(201)
    expect(plain.json().clearance).toBe('public')
    const raised = await headEn.post('/api/users', {
      name: 'Daxili',
      email: 'inside@test.az',
      orgId: home.id,
      clearance: 'internal',
    })
    expect(raised.statusCode).toBe(403)
    expect(raised.json().error).toMatchObject({
      code: 'FORBIDDEN',
      message:
        'Only a platform administrator may give clearance "internal"; people you create start at "public"',
    })
    expect(await clearanceOf('inside@test.az')).toBeUndefined()

    // Nor may a head change anyone's clearance, their own included; an unchanged value is no change.
    const self = await headEn.patch(`/api/users/${headId}`, { clearance: 'restricted' })
    expect(self.statusCode).toBe(403)
    expect(self.json().error.message).toBe('Only a platform administrator may change a clearance')
    expect(await clearanceOf('head@test.az')).toBe('internal')
    const openId = plain.json().id as string
    expect((await head.patch(`/api/users/${openId}`, { clearance: 'internal' })).statusCode).toBe(403)
    expect(
      (await head.patch(`/api/users/${openId}`, { name: 'Açıq Ad', clearance: 'public' })).statusCode,
    ).toBe(200)
    expect(await clearanceOf('open@test.az')).toBe('public')

    // The administrator (clearance `internal` here) may raise up to their own, not beyond.
    const above = await adminEn.patch(`/api/users/${openId}`, { clearance: 'restricted' })
    expect(above.statusCode).toBe(403)
    expect(above.json().error.message).toBe(
      'You cannot give clearance "restricted": it is above your own ("internal")',
    )
    expect((await admin.patch(`/api/users/${openId}`, { clearance: 'internal' })).statusCode).toBe(200)
    expect(await clearanceOf('open@test.az')).toBe('internal')

    // The same rule holds for imports, dry run or not, naming the rows.
    const file =
      'email,name,organization_code,clearance\nplain.imp@test.az,Bir,HOME,\nraised.imp@test.az,İki,HOME,restricted\nhead@test.az,Baş,HOME,restricted\n'
    for (const dry of ['true', 'false']) {
      const res = await upload(head, `/api/users/import?dryRun=${dry}`, 'u.csv', file)
      expect(res.statusCode).toBe(403)
      expect(res.json().error.message).toBe(
        'The import was refused, nothing was written: row(s) 3, 4 set a clearance you may not give',
      )
      expect(
        res.json().error.details.map((d: { row: number; column: string }) => `${d.row}:${d.column}`),
      ).toEqual(['3:clearance', '4:clearance'])
    }
    expect(await clearanceOf('raised.imp@test.az')).toBeUndefined()
    expect(await clearanceOf('plain.imp@test.az')).toBeUndefined()
    expect(await clearanceOf('head@test.az')).toBe('internal')
    const byAdmin = await upload(
      admin,
      '/api/users/import?dryRun=false',
      'u.csv',
      file.replace(/restricted/g, 'internal'),
    )
    expect(byAdmin.json()).toMatchObject({ created: 2, updated: 1, issues: [] })
    expect(await clearanceOf('raised.imp@test.az')).toBe('internal')
    // A head's import with blank clearances creates people at `public` and keeps an existing person's.
    const blank = await upload(
      head,
      '/api/users/import?dryRun=false',
      'u.csv',
      'email,name,organization_code,clearance\nblank.imp@test.az,Üç,HOME,\nraised.imp@test.az,İki,HOME,\n',
    )
    expect(blank.json()).toMatchObject({ created: 1, updated: 1, issues: [] })
    expect(await clearanceOf('blank.imp@test.az')).toBe('public')
    expect(await clearanceOf('raised.imp@test.az')).toBe('internal')

    const refused = (await denials()).slice(before)
    expect(refused.map((e) => (e.data as { clearance: unknown }).clearance)).toEqual([
      'internal',
      'restricted',
      'internal',
      'restricted',
      ['restricted'],
      ['restricted'],
    ])
    expect(refused.every((e) => e.outcome === 'denied')).toBe(true)
  })

  it('refuses an administrator disabling themself and blocks a disabled user from signing in', async () => {
    const me = (await admin.get('/api/me')).json().user.id
    expect((await admin.patch(`/api/users/${me}`, { disabled: true })).statusCode).toBe(412)
    const victim = await makeUser(t, 'leaver@test.az', home, ['viewer'])
    const cookie = await signIn(t, victim)
    expect((await admin.patch(`/api/users/${victim.id}`, { disabled: true })).statusCode).toBe(200)
    expect((await as(t, cookie).get('/api/me')).statusCode).toBe(401)
    await expect(signIn(t, victim)).rejects.toThrow(/403/)
  })
})
