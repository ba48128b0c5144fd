import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Role } from '@qalxan/contracts'
import { eq } from 'drizzle-orm'
import type { FastifyInstance, RouteOptions } from 'fastify'
import pg from 'pg'
import { buildApp, type Services } from '../src/app.ts'
import { type Config, loadConfig } from '../src/config.ts'
import { memberships, organizations, roleGrants, user } from '../src/db/schema/index.ts'
import type { Clock } from '../src/platform/clock.ts'
import { type Database, openDatabase } from '../src/platform/db.ts'
import { createFileStore } from '../src/platform/files.ts'
import { createJobs, type Jobs } from '../src/platform/jobs.ts'
import type { Mailer } from '../src/platform/mailer.ts'
import { totpFromUri } from '../src/platform/totp.ts'
import { enrolTotp, setPassword } from '../src/seed/demo.ts'
import { PG_TEMPLATE_DB, TEMPLATE_FILE, withDb } from './global-setup.ts'

export const ORIGIN = 'http://localhost:3000'

/** Each simulated browser gets its own loopback address, so per-IP rate limits apply per browser. */
export const randomIp = () =>
  `127.${(Math.random() * 250) | 0}.${(Math.random() * 250) | 0}.${((Math.random() * 250) | 0) + 1}`
export const PASSWORD = 'correct-horse-battery-9'

/** The databases the integration tests run on: PGlite always, PostgreSQL when TEST_PG_URL is set. */
export const DATABASES: ('pglite' | 'postgres')[] = process.env.TEST_PG_URL
  ? ['pglite', 'postgres']
  : ['pglite']

export const openTestDatabase = async (
  kind: 'pglite' | 'postgres',
): Promise<Database & { drop(): Promise<void> }> => {
  if (kind === 'pglite') {
    const db = await openDatabase({ memory: true, loadDataDir: new Blob([readFileSync(TEMPLATE_FILE)]) })
    return { ...db, drop: () => db.close() }
  }
  const url = process.env.TEST_PG_URL as string
  const name = `qalxan_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create database ${name} template ${PG_TEMPLATE_DB}`)
  await admin.end()
  const db = await openDatabase({ databaseUrl: withDb(url, name) })
  return {
    ...db,
    async drop() {
      await db.close()
      const a = new pg.Client({ connectionString: url })
      await a.connect()
      await a.query(`drop database if exists ${name} with (force)`)
      await a.end()
    },
  }
}

/** A clock the test moves by hand. */
export const manualClock = (start = new Date()) => {
  let now = start.getTime()
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms
    },
  } satisfies Clock & { advance(ms: number): void }
}

export type TestApp = {
  app: FastifyInstance
  routes: RouteOptions[]
  services: Services
  database: Database
  config: Config
  clock: ReturnType<typeof manualClock>
  jobs?: Jobs
  close(): Promise<void>
}

export const createTestApp = async (
  kind: 'pglite' | 'postgres',
  opts: { mailer?: Mailer; jobs?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> => {
  const database = await openTestDatabase(kind)
  const dir = mkdtempSync(join(tmpdir(), 'qalxan-test-'))
  const config = loadConfig({
    DATA_DIR: dir,
    PUBLIC_URL: ORIGIN,
    LOG_LEVEL: 'silent',
    MAX_UPLOAD_MB: '1',
    ...opts.env,
  })
  const clock = manualClock()
  const jobs = opts.jobs ? await createJobs(database) : undefined
  const { app, services, routes } = await buildApp({
    config,
    database,
    clock,
    files: createFileStore(join(dir, 'files')),
    authSecret: 'test-secret-test-secret-test-secret-0123456789',
    mailer: opts.mailer,
    jobs,
    logger: false,
  })
  await app.ready()
  return {
    app,
    services,
    routes,
    database,
    config,
    clock,
    jobs,
    async close() {
      await app.close()
      await jobs?.stop()
      await database.drop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export type Org = { id: string; code: string }

export const makeOrg = async (t: TestApp, code: string, parentId: string | null = null): Promise<Org> => {
  const [o] = await t.database.db
    .insert(organizations)
    .values({
      code,
      name: { az: `Təşkilat ${code}`, en: `Organisation ${code}` },
      type: 'ministry',
      parentId,
    })
    .returning()
  return { id: o?.id as string, code }
}

export type TestUser = { id: string; email: string; totpUri?: string; recoveryCodes?: string[] }

/** A user with a password, a membership and roles; privileged ones get TOTP enrolled. */
export const makeUser = async (
  t: TestApp,
  email: string,
  org: Org,
  roles: Role[],
  opts: { clearance?: 'public' | 'internal' | 'restricted'; enrolTotp?: boolean } = {},
): Promise<TestUser> => {
  const id = crypto.randomUUID()
  await t.database.db
    .insert(user)
    .values({ id, email, name: email.split('@')[0] as string, clearance: opts.clearance ?? 'internal' })
  await t.database.db.insert(memberships).values({ userId: id, orgId: org.id, validFrom: '2024-01-01' })
  if (roles.length)
    await t.database.db.insert(roleGrants).values(roles.map((role) => ({ userId: id, orgId: org.id, role })))
  await setPassword(t.database, id, PASSWORD)
  const privileged = roles.some((r) => ['admin', 'secretariat', 'evaluator', 'auditor'].includes(r))
  if (opts.enrolTotp ?? privileged) return { id, email, ...(await enrolTotp(t.services, email, PASSWORD)) }
  return { id, email }
}

export const cookiesOf = (res: { headers: Record<string, unknown> }, prev = '') => {
  const set = res.headers['set-cookie']
  const list = (Array.isArray(set) ? set : set ? [set] : []) as string[]
  const jar = new Map(
    prev
      .split('; ')
      .filter(Boolean)
      .map((c) => [c.split('=')[0], c] as const),
  )
  for (const c of list) {
    const pair = c.split(';')[0] as string
    const [name, value] = [pair.split('=')[0] as string, pair.slice(pair.indexOf('=') + 1)]
    if (value === '' || /max-age=0/i.test(c)) jar.delete(name)
    else jar.set(name, pair)
  }
  return [...jar.values()].join('; ')
}

/** Signs in through the HTTP API as a browser would (with TOTP when enrolled); returns the cookie header. */
export const signIn = async (t: TestApp, u: TestUser, password = PASSWORD) => {
  const remoteAddress = randomIp()
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: ORIGIN },
    remoteAddress,
    payload: { email: u.email, password },
  })
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`)
  let cookie = cookiesOf(res)
  if (res.json().twoFactorRedirect) {
    const v = await t.app.inject({
      method: 'POST',
      url: '/api/auth/two-factor/verify-totp',
      headers: { origin: ORIGIN, cookie },
      remoteAddress,
      // better-auth checks codes against the real time, not the injected clock.
      payload: { code: await totpFromUri(u.totpUri as string) },
    })
    if (v.statusCode !== 200) throw new Error(`second factor failed: ${v.statusCode} ${v.body}`)
    cookie = cookiesOf(v, cookie)
  }
  return cookie
}

/**
 * A request helper bound to one signed-in browser. Without `lang` it sends no Accept-Language, so
 * the server answers in its default language (Azerbaijani); tests that read English text pass 'en'.
 */
export const as = (t: TestApp, cookie: string, lang?: 'az' | 'en' | 'ru') => {
  const remoteAddress = randomIp()
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      remoteAddress,
      headers: { origin: ORIGIN, cookie, ...(lang ? { 'accept-language': lang } : {}) },
      ...(payload === undefined ? {} : { payload: payload as object }),
    })
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, body?: unknown) => call('POST', url, body ?? {}),
    put: (url: string, body?: unknown) => call('PUT', url, body),
    patch: (url: string, body?: unknown) => call('PATCH', url, body),
    del: (url: string) => call('DELETE', url),
    cookie,
    ip: remoteAddress,
  }
}

export const userByEmail = async (t: TestApp, email: string) => {
  const [u] = await t.database.db.select().from(user).where(eq(user.email, email))
  return u
}

/** A multipart/form-data body with one file field, for inject(). */
export const multipart = (filename: string, content: Buffer | string, type = 'application/octet-stream') => {
  const boundary = `----qalxan${Math.random().toString(16).slice(2)}`
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`
  const body = Buffer.concat([
    Buffer.from(head),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}
