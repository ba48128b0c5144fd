import { count } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, memberships, organizations, roleGrants, user } from '../src/db/schema/index.ts'
import {
  as,
  createTestApp,
  DATABASES,
  makeOrg,
  makeUser,
  multipart,
  ORIGIN,
  signIn,
  type TestApp,
} from './helpers.ts'

const NASTY = [
  "Robert'); DROP TABLE organizations;--",
  '<script>alert(document.cookie)</script>',
  '" onmouseover="alert(1)',
  "' OR '1'='1",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, kept literal on purpose
  '${process.exit(1)}',
  '=HYPERLINK("http://evil.example","x")',
  'Ünvan — İçərişəhər, ə ğ ı ö ş ç ü',
]

describe.each(DATABASES)('hostile input on %s', (kind) => {
  let t: TestApp
  let admin: ReturnType<typeof as>

  beforeAll(async () => {
    t = await createTestApp(kind)
    const org = await makeOrg(t, 'HOME')
    admin = as(t, await signIn(t, await makeUser(t, 'admin@test.az', org, ['admin'])))
  })
  afterAll(() => t.close())

  it('stores injection strings as plain text and finds them again', async () => {
    for (const [i, name] of NASTY.entries()) {
      const res = await admin.post('/api/organizations', {
        code: `NASTY-${i}`,
        name: { az: name },
        type: 'agency',
      })
      expect(res.statusCode, name).toBe(201)
      expect(res.json().name.az).toBe(name)
    }
    const found = await admin.get(`/api/organizations?q=${encodeURIComponent("' OR '1'='1")}`)
    expect(found.json().items.map((o: { code: string }) => o.code)).toEqual(['NASTY-3'])
    const wildcard = await admin.get(`/api/organizations?q=${encodeURIComponent('%')}`)
    expect(wildcard.json().total).toBe(0)
    expect((await admin.get('/api/organizations/tree')).json().length).toBe(NASTY.length + 1)
  })

  it('neutralises spreadsheet formulas in the audit CSV export', async () => {
    const csv = (await admin.get('/api/audit/export.csv?action=org.created')).body
    expect(csv).not.toMatch(/,=HYPERLINK/)
  })

  it('refuses wrong types, unknown enum values, over-long strings and a code with spaces, listing each', async () => {
    const res = await admin.post('/api/organizations', {
      code: 'has spaces',
      name: { az: 'x'.repeat(301) },
      type: 42,
      jurisdiction: 'mars',
      parentId: 'not-a-uuid',
    })
    expect(res.statusCode).toBe(422)
    const paths = (res.json().error.details as { path: string }[]).map((d) => d.path).sort()
    expect(paths).toEqual(['body.code', 'body.jurisdiction', 'body.name.az', 'body.parentId', 'body.type'])
  })

  /** Rows in the tables an import or a profile change could touch, to show that nothing was written. */
  const counts = async () => {
    const n = async (
      table: typeof user | typeof memberships | typeof roleGrants | typeof auditEvents | typeof organizations,
    ) => (await t.database.db.select({ n: count() }).from(table))[0]?.n
    return {
      users: await n(user),
      memberships: await n(memberships),
      grants: await n(roleGrants),
      audit: await n(auditEvents),
      organizations: await n(organizations),
    }
  }

  it('refuses prototype-pollution keys as a whole request (422, nothing changed) and arrays where objects belong', async () => {
    // A body carrying __proto__ or constructor.prototype is refused whole by the JSON parser rather
    // than stripped: the request is hostile, so none of it (not even the harmless "locale") is applied.
    const localeBefore = (await admin.get('/api/me')).json().user.locale
    expect(localeBefore).not.toBe('ru')
    const before = await counts()
    for (const payload of [
      '{"__proto__": {"admin": true, "locale": "ru"}, "locale": "ru"}',
      '{"constructor": {"prototype": {"admin": true}}, "locale": "ru"}',
      '{"locale": "ru", "nested": {"__proto__": {"polluted": 1}}}',
    ]) {
      const res = await t.app.inject({
        method: 'PATCH',
        url: '/api/me',
        headers: { origin: ORIGIN, cookie: admin.cookie, 'content-type': 'application/json' },
        payload,
      })
      expect(res.statusCode, payload).toBe(422)
      expect(res.json().error.code).toBe('VALIDATION_FAILED')
    }
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('admin')
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted')
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
    expect(({} as Record<string, unknown>).locale).toBeUndefined()
    expect((await admin.get('/api/me')).json().user.locale).toBe(localeBefore)
    expect(await counts()).toEqual(before)
    const arr = await admin.post('/api/organizations', [1, 2, 3])
    expect(arr.statusCode).toBe(422)
  })

  const upload = (url: string, name: string, content: Buffer | string) => {
    const m = multipart(name, content)
    return t.app.inject({
      method: 'POST',
      url,
      headers: { ...m.headers, origin: ORIGIN, cookie: admin.cookie },
      payload: m.payload,
    })
  }

  it('answers a renamed executable, an XLSX bomb of rows and a zero-byte import clearly, writing nothing', async () => {
    const before = await counts()
    const tree = (await admin.get('/api/organizations/tree')).json().length
    // Real runs, not dry runs: had any of these got through, it would have written organisations.
    const exe = await upload(
      '/api/organizations/import?dryRun=false',
      'orgs.xlsx',
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]),
    )
    expect(exe.statusCode).toBe(415)
    const rows = `code,name_az,type\n${Array.from({ length: 20_002 }, (_, i) => `C${i},N,agency`).join('\n')}\n`
    const many = await upload('/api/organizations/import?dryRun=false', 'orgs.csv', rows)
    expect(many.statusCode).toBe(413)
    expect((await upload('/api/organizations/import?dryRun=false', 'orgs.csv', '')).statusCode).toBe(422)
    expect((await admin.get('/api/organizations/tree')).json().length).toBe(tree)
    expect(await counts()).toEqual(before)
  })

  it('writes nothing at all when one row of a real users import is bad', async () => {
    const before = await counts()
    const file =
      'email,name,organization_code,roles\n' +
      'first.good@test.az,Birinci,HOME,viewer\n' +
      'second.good@test.az,İkinci,HOME,\n' +
      "bad'; DROP TABLE users;--,Üçüncü,HOME,\n"
    const res = await upload('/api/users/import?dryRun=false', 'u.csv', file)
    expect(res.statusCode).toBe(422)
    expect(res.json().error.details.issues).toEqual([expect.objectContaining({ row: 4, column: 'email' })])
    expect(await counts()).toEqual(before)
    const found = (await admin.get('/api/users?q=good')).json()
    expect(found.total).toBe(0)
  })
})
