import type { Database } from '../../apps/server/src/platform/db.ts'

/** A small deterministic generator, so every run seeds the same data. */
const prng = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FIRST = [
  'Əli',
  'Aysel',
  'Rəşad',
  'Leyla',
  'Tural',
  'Nigar',
  'Elvin',
  'Günel',
  'Orxan',
  'Səbinə',
  'Kamran',
  'Aynur',
  'Vüsal',
  'Lalə',
  'Fərid',
  'Nərmin',
  'Ruslan',
  'Könül',
  'Samir',
  'Ulviyyə',
]
const LAST = [
  'Məmmədov',
  'Əliyeva',
  'Həsənov',
  'Quliyeva',
  'Hüseynov',
  'İsmayılova',
  'Abbasov',
  'Kərimova',
  'Rəhimov',
  'Nəsirova',
  'Cəfərov',
  'Vəliyeva',
  'Babayev',
  'Orucova',
  'Səfərov',
]
const ORG_TYPES = ['ministry', 'committee', 'service', 'agency', 'state_company', 'local_authority', 'court']
const POSITIONS = ['Baş mütəxəssis', 'Şöbə müdiri', 'Aparıcı məsləhətçi', 'Sektor müdiri', 'Mühəndis', null]
/** Roles weighted roughly as in a ministry-wide deployment: many viewers, few privileged users. */
const ROLE_WEIGHTS: [string, number][] = [
  ['viewer', 40],
  ['wg_member', 20],
  ['focal_point', 15],
  ['head', 10],
  ['wg_chair', 5],
  ['evaluator', 5],
  ['auditor', 2],
  ['secretariat', 2],
  ['admin', 1],
]

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ə/gi, 'e')
    .replace(/ı/g, 'i')
    .toLowerCase()

/** Multi-row INSERTs with parameters, a few hundred rows per statement. */
const insertRows = async (database: Database, table: string, columns: string[], rows: unknown[][]) => {
  const per = Math.floor(5000 / columns.length)
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per)
    const params: unknown[] = []
    const tuples = chunk.map((row) => {
      const marks = row.map((v) => {
        params.push(v)
        return `$${params.length}`
      })
      return `(${marks.join(', ')})`
    })
    await database.query(
      `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${tuples.join(', ')}`,
      params,
    )
  }
}

export type SeedCounts = { organizations: number; users: number; memberships: number; grants: number }

/**
 * Organisations in a two-level tree (a few dozen top-level bodies, the rest under them), users with a
 * current membership, a fifth of them with an earlier closed one, one role grant each and some revoked
 * grants: the rows the organisation and user lists read.
 */
export const seedData = async (
  database: Database,
  opts: { organizations: number; users: number; seed?: number },
): Promise<SeedCounts & { orgIds: string[] }> => {
  const rnd = prng(opts.seed ?? 2026)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T
  const roleOf = () => {
    let r = rnd() * ROLE_WEIGHTS.reduce((s, [, w]) => s + w, 0)
    for (const [role, w] of ROLE_WEIGHTS) {
      r -= w
      if (r < 0) return role
    }
    return 'viewer'
  }

  const topLevel = Math.max(1, Math.round(opts.organizations / 10))
  const orgIds: string[] = []
  const orgRows: unknown[][] = []
  for (let i = 1; i <= opts.organizations; i++) {
    const id = crypto.randomUUID()
    orgIds.push(id)
    const parentId = i <= topLevel ? null : orgIds[Math.floor(rnd() * topLevel)]
    const code = `BENCH-${String(i).padStart(4, '0')}`
    orgRows.push([
      id,
      code,
      JSON.stringify({ az: `Təşkilat ${i}`, en: `Organisation ${i}`, ru: `Организация ${i}` }),
      `T${i}`,
      i <= topLevel ? 'ministry' : pick(ORG_TYPES),
      i % 25 === 0 ? 'nakhchivan' : 'national',
      parentId,
    ])
  }
  await insertRows(
    database,
    'organizations',
    ['id', 'code', 'name', 'short_name', 'type', 'jurisdiction', 'parent_id'],
    orgRows,
  )

  const userRows: unknown[][] = []
  const membershipRows: unknown[][] = []
  const grantRows: unknown[][] = []
  for (let i = 1; i <= opts.users; i++) {
    const id = crypto.randomUUID()
    const first = pick(FIRST)
    const last = pick(LAST)
    const orgId = pick(orgIds)
    userRows.push([
      id,
      `${first} ${last}`,
      `${ascii(first)}.${ascii(last)}.${i}@bench.gov.az`,
      pick(['public', 'internal', 'internal', 'restricted']),
      pick(['az', 'az', 'az', 'en', 'ru']),
    ])
    if (rnd() < 0.2) membershipRows.push([id, pick(orgIds), pick(POSITIONS), '2021-01-01', '2023-12-31'])
    membershipRows.push([id, orgId, pick(POSITIONS), '2024-01-01', null])
    grantRows.push([id, orgId, roleOf(), null])
    if (rnd() < 0.1) grantRows.push([id, orgId, roleOf(), new Date('2025-01-01T00:00:00Z')])
  }
  await insertRows(database, 'user', ['id', 'name', 'email', 'clearance', 'locale'], userRows)
  await insertRows(
    database,
    'memberships',
    ['user_id', 'org_id', 'position', 'valid_from', 'valid_to'],
    membershipRows,
  )
  await insertRows(database, 'role_grants', ['user_id', 'org_id', 'role', 'revoked_at'], grantRows)
  // A server that has been running has planner statistics; a freshly loaded one needs them now.
  await database.query('analyze')
  return {
    organizations: orgRows.length,
    users: userRows.length,
    memberships: membershipRows.length,
    grants: grantRows.length,
    orgIds,
  }
}
