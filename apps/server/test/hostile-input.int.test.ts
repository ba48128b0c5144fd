import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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

  it('refuses prototype-pollution keys and arrays where objects belong', async () => {
    const proto = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { origin: ORIGIN, cookie: admin.cookie, 'content-type': 'application/json' },
      payload: '{"__proto__": {"admin": true}, "locale": "en"}',
    })
    expect([200, 422]).toContain(proto.statusCode)
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
    const arr = await admin.post('/api/organizations', [1, 2, 3])
    expect(arr.statusCode).toBe(422)
  })

  it('answers a renamed executable, an XLSX bomb of rows and a zero-byte import clearly', async () => {
    const upload = (url: string, name: string, content: Buffer | string) => {
      const m = multipart(name, content)
      return t.app.inject({
        method: 'POST',
        url,
        headers: { ...m.headers, origin: ORIGIN, cookie: admin.cookie },
        payload: m.payload,
      })
    }
    const exe = await upload(
      '/api/organizations/import?dryRun=true',
      'orgs.xlsx',
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]),
    )
    expect(exe.statusCode).toBe(415)
    const rows = `code,name_az,type\n${Array.from({ length: 20_002 }, (_, i) => `C${i},N,agency`).join('\n')}\n`
    const many = await upload('/api/organizations/import?dryRun=true', 'orgs.csv', rows)
    expect(many.statusCode).toBe(413)
    expect((await upload('/api/organizations/import?dryRun=true', 'orgs.csv', '')).statusCode).toBe(422)
    const before = (await admin.get('/api/organizations/tree')).json().length
    expect((await admin.get('/api/organizations/tree')).json().length).toBe(before)
  })
})
