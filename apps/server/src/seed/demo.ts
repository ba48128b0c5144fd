import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { hash } from '@node-rs/argon2'
import { isPrivileged } from '@qalxan/contracts'
import { count, eq } from 'drizzle-orm'
import type { Services } from '../app.ts'
import { account, memberships, organizations, roleGrants, user } from '../db/schema/index.ts'
import { systemActor } from '../modules/access/actor.ts'
import type { Database } from '../platform/db.ts'
import { totpFromUri } from '../platform/totp.ts'
import { seedDemoCoordination } from './demo-coordination-seed.ts'
import { DEMO_ORGS, DEMO_PASSWORD, DEMO_USERS } from './demo-data.ts'
import { seedDemoPlan } from './demo-plan-seed.ts'

export type DemoLogin = {
  email: string
  password: string
  roles: string[]
  totpUri?: string
  recoveryCodes?: string[]
}

/** Sets a password directly (seeding and create-admin); people otherwise set theirs via the e-mailed link. */
export const setPassword = async (database: Database, userId: string, password: string) => {
  const passwordHash = await hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 })
  await database.db.delete(account).where(eq(account.userId, userId))
  await database.db.insert(account).values({
    id: crypto.randomUUID(),
    accountId: userId,
    providerId: 'credential',
    userId,
    password: passwordHash,
  })
}

/** Turns on TOTP through better-auth's own endpoints, as a person would in the portal. */
export const enrolTotp = async (services: Services, email: string, password: string) => {
  const signIn = await services.auth.api.signInEmail({ body: { email, password }, asResponse: true })
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const headers = new Headers({ cookie })
  const enabled = await services.auth.api.enableTwoFactor({ body: { password }, headers })
  if (enabled.method !== 'totp') throw new Error('TOTP enrolment did not return a secret')
  await services.auth.api.verifyTOTP({ body: { code: await totpFromUri(enabled.totpURI) }, headers })
  await services.auth.api.signOut({ headers })
  return { totpUri: enabled.totpURI, recoveryCodes: enabled.backupCodes }
}

export const isEmpty = async (database: Database) => {
  const [r] = await database.db.select({ n: count() }).from(organizations)
  return (r?.n ?? 0) === 0
}

/** Demo organisations and one user per role; privileged users get TOTP (printed once, kept in the data folder). */
export const seedDemo = async (
  database: Database,
  services: Services,
  dataDir: string,
  publicUrl = 'http://localhost:3000',
  mailFrom = 'Qalxan <no-reply@qalxan.local>',
): Promise<DemoLogin[]> => {
  const today = new Date().toISOString().slice(0, 10)
  const ids = new Map<string, string>()
  await database.db.transaction(async (tx) => {
    for (const o of DEMO_ORGS) {
      const [row] = await tx
        .insert(organizations)
        .values({
          code: o.code,
          name: o.name,
          shortName: o.shortName ?? null,
          type: o.type,
          jurisdiction: o.jurisdiction ?? 'national',
          parentId: o.parent ? (ids.get(o.parent) ?? null) : null,
        })
        .returning({ id: organizations.id })
      ids.set(o.code, row?.id as string)
    }
    for (const u of DEMO_USERS) {
      const id = crypto.randomUUID()
      await tx.insert(user).values({
        id,
        name: u.name,
        email: u.email,
        clearance: u.clearance,
        locale: u.locale,
        emailVerified: true,
      })
      const orgId = ids.get(u.org) as string
      await tx
        .insert(memberships)
        .values({ userId: id, orgId, position: u.position, validFrom: '2024-01-15' })
      await tx
        .insert(roleGrants)
        .values(u.roles.map((role) => ({ userId: id, orgId, role, grantedBy: 'system' })))
    }
    await services.audit.record(tx, systemActor, {
      action: 'system.demo_seeded',
      data: { organizations: DEMO_ORGS.length, users: DEMO_USERS.length, on: today },
    })
  })
  const logins: DemoLogin[] = []
  for (const u of DEMO_USERS) {
    const [row] = await database.db.select({ id: user.id }).from(user).where(eq(user.email, u.email))
    await setPassword(database, row?.id as string, DEMO_PASSWORD)
    const login: DemoLogin = { email: u.email, password: DEMO_PASSWORD, roles: u.roles }
    if (isPrivileged(u.roles.map((role) => ({ role, orgId: '' }))))
      Object.assign(login, await enrolTotp(services, u.email, DEMO_PASSWORD))
    logins.push(login)
  }
  await seedDemoPlan(database, services, publicUrl)
  await seedDemoCoordination(database, services, publicUrl, mailFrom)
  writeFileSync(join(dataDir, 'demo-logins.json'), `${JSON.stringify(logins, null, 2)}\n`, { mode: 0o600 })
  return logins
}

export const printDemoLogins = (logins: DemoLogin[], log: (s: string) => void = console.log) => {
  log(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`)
  for (const l of logins) {
    const secret = l.totpUri ? new URL(l.totpUri).searchParams.get('secret') : null
    log(`  ${l.email.padEnd(28)} ${l.roles.join(', ').padEnd(24)}${secret ? ` TOTP secret ${secret}` : ''}`)
  }
  if (logins.some((l) => l.totpUri)) {
    log('  Privileged roles need a TOTP code: add the secret to an authenticator app,')
    log('  or print the current code with: npm run qalxan -- totp <email>')
  }
}
