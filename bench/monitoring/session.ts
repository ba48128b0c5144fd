import type { Services } from '../../apps/server/src/app.ts'
import type { Database } from '../../apps/server/src/platform/db.ts'
import { totpFromUri } from '../../apps/server/src/platform/totp.ts'
import { enrolTotp, setPassword } from '../../apps/server/src/seed/demo.ts'

/** Signing in over HTTP as the browser does (as bench/api does): password, then TOTP for privileged roles. */

export const ORIGIN = 'http://localhost:3000'
export const PASSWORD = 'bench-password-Qalxan-2026'

let ipTurn = 0
/** Each sign-in from another address, so better-auth's per-address limit (10 a minute) never refuses. */
const nextIp = () => `10.79.${(ipTurn >> 8) & 255}.${(ipTurn++ & 255) + 1}`

const cookieHeader = (jar: Map<string, string>, res: Response) => {
  for (const c of res.headers.getSetCookie()) {
    const pair = c.split(';')[0] as string
    const name = pair.slice(0, pair.indexOf('='))
    const value = pair.slice(pair.indexOf('=') + 1)
    if (value === '' || /max-age=0/i.test(c)) jar.delete(name)
    else jar.set(name, pair)
  }
  return [...jar.values()].join('; ')
}

export const post = (origin: string, path: string, body: unknown, cookie?: string) =>
  fetch(`${origin}${path}`, {
    method: 'POST',
    headers: {
      origin: ORIGIN,
      'content-type': 'application/json',
      'x-forwarded-for': nextIp(),
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify(body),
  })

export type SignedIn = { userId: string; cookie: string; token: string }

/** Password (and TOTP when enrolled) over HTTP; returns the cookie and the session token it carries. */
export const signIn = async (
  database: Database,
  origin: string,
  user: { id: string; email: string },
  totpUri?: string,
): Promise<SignedIn> => {
  const jar = new Map<string, string>()
  const r1 = await post(origin, '/api/auth/sign-in/email', { email: user.email, password: PASSWORD })
  if (!r1.ok) throw new Error(`sign-in ${user.email}: ${r1.status} ${await r1.text()}`)
  let cookie = cookieHeader(jar, r1)
  if (((await r1.json()) as { twoFactorRedirect?: boolean }).twoFactorRedirect) {
    if (!totpUri) throw new Error(`${user.email} needs a second factor`)
    const r2 = await post(
      origin,
      '/api/auth/two-factor/verify-totp',
      { code: await totpFromUri(totpUri) },
      cookie,
    )
    if (!r2.ok) throw new Error(`second factor: ${r2.status} ${await r2.text()}`)
    cookie = cookieHeader(jar, r2)
  }
  // The bare SQL looks the session up by the token the cookie carries, as better-auth does.
  const { rows } = await database.query<{ token: string }>(
    'select token from session where user_id = $1 order by created_at desc limit 1',
    [user.id],
  )
  if (!rows[0]) throw new Error(`no session stored for ${user.email}`)
  return { userId: user.id, cookie, token: rows[0].token }
}

/** Gives generated people a password (one argon2 hash each, as the portal stores them). */
export const withPasswords = async (database: Database, ids: string[]) => {
  for (const id of ids) await setPassword(database, id, PASSWORD)
}

/** The secretariat member: privileged, so TOTP is enrolled through better-auth and used at sign-in. */
export const signInPrivileged = async (
  database: Database,
  services: Services,
  origin: string,
  user: { id: string; email: string },
) => {
  await setPassword(database, user.id, PASSWORD)
  const { totpUri } = await enrolTotp(services, user.email, PASSWORD)
  return signIn(database, origin, user, totpUri)
}
