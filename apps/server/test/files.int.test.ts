import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
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

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)])
/** Longer than the head the type is judged from, so the refusal comes before the upload has ended. */
const BIG_EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300 * 1024, 7)])

describe.each(DATABASES)('evidence files on %s', (kind) => {
  let t: TestApp
  let mine: ReturnType<typeof as>
  let colleague: ReturnType<typeof as>
  let stranger: ReturnType<typeof as>
  let evaluator: ReturnType<typeof as>

  beforeAll(async () => {
    t = await createTestApp(kind)
    const home = await makeOrg(t, 'HOME')
    const away = await makeOrg(t, 'AWAY')
    mine = as(t, await signIn(t, await makeUser(t, 'a@home.az', home, ['focal_point'])))
    colleague = as(t, await signIn(t, await makeUser(t, 'b@home.az', home, ['head'])))
    stranger = as(t, await signIn(t, await makeUser(t, 'c@away.az', away, ['focal_point'])))
    evaluator = as(t, await signIn(t, await makeUser(t, 'e@away.az', away, ['evaluator'])))
  })
  afterAll(() => t.close())

  /** Every file under the store's folder (temporary files included), with its size. */
  const storeFiles = () => {
    const root = join(t.config.dataDir, 'files')
    if (!existsSync(root)) return []
    return (readdirSync(root, { recursive: true }) as string[])
      .filter((f) => statSync(join(root, f)).isFile())
      .map((f) => `${f} ${statSync(join(root, f)).size}`)
      .sort()
  }
  /** Runs a refused upload and checks that the store holds exactly what it held before. */
  const refused = async (status: number, send: () => ReturnType<typeof upload>) => {
    const before = storeFiles()
    const res = await send()
    expect(res.statusCode, res.body).toBe(status)
    expect(storeFiles()).toEqual(before)
    return res
  }

  const upload = (api: ReturnType<typeof as>, name: string, content: Buffer) => {
    const m = multipart(name, content)
    return t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...m.headers, origin: ORIGIN, cookie: api.cookie },
      payload: m.payload,
    })
  }

  it('stores a file under its SHA-256 and serves it to its organisation and to reviewers', async () => {
    const res = await upload(mine, 'hesabat.pdf', PDF)
    expect(res.statusCode).toBe(201)
    const f = res.json()
    expect(f).toMatchObject({ mime: 'application/pdf', size: PDF.length, filename: 'hesabat.pdf' })
    expect(f.sha256).toMatch(/^[0-9a-f]{64}$/)
    const again = (await upload(colleague, 'copy.pdf', PDF)).json()
    expect(again.sha256).toBe(f.sha256)
    const dl = await colleague.get(`/api/files/${f.id}/content`)
    expect(dl.statusCode).toBe(200)
    expect(dl.rawPayload.equals(PDF)).toBe(true)
    expect(dl.headers['content-disposition']).toContain('hesabat.pdf')
    expect((await evaluator.get(`/api/files/${f.id}/content`)).statusCode).toBe(200)
    expect((await stranger.get(`/api/files/${f.id}/content`)).statusCode).toBe(404)
  })

  it('judges the type by content, not by name, and keeps no bytes of a refused file', async () => {
    const stored = storeFiles().length
    expect((await upload(mine, 'image.png', PNG)).json().mime).toBe('image/png')
    expect(storeFiles()).toHaveLength(stored + 1)
    await refused(415, () => upload(mine, 'report.pdf', EXE))
    await refused(415, () => upload(mine, 'setup.pdf', BIG_EXE))
    await refused(415, () => upload(mine, 'setup', BIG_EXE))
    const renamed = await refused(415, () => upload(mine, 'photo.pdf', PNG))
    expect(renamed.json().error.message).toContain('image/png')
    expect((await upload(mine, 'notes.txt', Buffer.from('Tədbirin icrası haqqında qeyd\n'))).statusCode).toBe(
      201,
    )
  })

  it('refuses files over the size limit and empty files, keeping nothing', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 10, 32)])
    await refused(413, () => upload(mine, 'big.pdf', big))
    await refused(422, () => upload(mine, 'empty.pdf', Buffer.alloc(0)))
    // Still usable afterwards: a good file goes in.
    expect((await upload(mine, 'after.pdf', Buffer.concat([PDF, Buffer.from('%after')]))).statusCode).toBe(
      201,
    )
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { origin: ORIGIN, cookie: mine.cookie },
      payload: { a: 1 },
    })
    expect(json.statusCode).toBe(415)
  })

  it('answers 404 for an unknown file id and 422 for a malformed one', async () => {
    expect((await mine.get(`/api/files/${crypto.randomUUID()}/content`)).statusCode).toBe(404)
    expect((await mine.get('/api/files/..%2F..%2Fetc%2Fpasswd/content')).statusCode).toBe(422)
    expect((await mine.get('/api/files/not-a-uuid/content')).statusCode).toBe(422)
  })
})
