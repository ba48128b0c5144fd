import type { Loader } from './copy.ts'
import { FIRST, int, LAST, ORG_KINDS, pick, type Rnd, type Tri, uuid } from './vocab.ts'

export type Org = { id: string; code: string; name: Tri }
export type Person = { id: string; email: string; orgId: string; role: string; clearance: string }

const FIELDS = [
  'Rəqəmsal İnkişaf və Nəqliyyat',
  'Daxili İşlər',
  'Ədliyyə',
  'Səhiyyə',
  'Elm və Təhsil',
  'Energetika',
  'İqtisadiyyat',
  'Maliyyə',
  'Xarici İşlər',
  'Müdafiə',
  'Fövqəladə Hallar',
  'Kənd Təsərrüfatı',
  'Ekologiya və Təbii Sərvətlər',
  'Mədəniyyət',
  'Əmək və Əhalinin Sosial Müdafiəsi',
  'Gənclər və İdman',
  'Turizm',
  'Statistika',
  'Gömrük',
  'Vergi',
  'Dövlət Təhlükəsizliyi',
  'Xüsusi Rabitə və İnformasiya Təhlükəsizliyi',
  'Əmlak Məsələləri',
  'Şəhərsalma və Arxitektura',
  'Dövlət Sərhəd',
  'Miqrasiya',
  'Qida Təhlükəsizliyi',
  'Antiinhisar və İstehlak Bazarına Nəzarət',
  'Standartlaşdırma, Metrologiya və Patent',
  'Dini Qurumlarla İş',
]
const REGIONS = [
  'Bakı',
  'Gəncə',
  'Sumqayıt',
  'Şəki',
  'Lənkəran',
  'Şirvan',
  'Mingəçevir',
  'Naxçıvan',
  'Quba',
  'Qəbələ',
  'Şamaxı',
  'Zaqatala',
  'Bərdə',
  'Ağdam',
  'Şuşa',
  'Füzuli',
  'Cəbrayıl',
  'Kəlbəcər',
  'Laçın',
  'Zəngilan',
]
const POSITIONS = ['Baş mütəxəssis', 'Şöbə müdiri', 'Aparıcı məsləhətçi', 'Sektor müdiri', 'Mühəndis', null]

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ə/gi, 'e')
    .replace(/ı/g, 'i')
    .toLowerCase()

/**
 * Organisation 0 is the coordinating body (its secretariat), 1 the independent evaluator; the next
 * thirty are the ministries and committees that lead most measures; the rest are agencies and local
 * executive authorities, under them in a two-level tree.
 */
export const generateOrgs = async (loader: Loader, rnd: Rnd, n: number): Promise<Org[]> => {
  const orgs: Org[] = []
  const rows: unknown[][] = []
  for (let i = 0; i < n; i++) {
    const id = uuid(rnd)
    let name: Tri
    let type = 'agency'
    if (i === 0) {
      name = {
        az: 'Nazirlər Kabinetinin Aparatı',
        en: 'Office of the Cabinet of Ministers',
        ru: 'Аппарат Кабинета Министров',
      }
      type = 'ministry'
    } else if (i === 1) {
      name = {
        az: 'Müstəqil Qiymətləndirmə Mərkəzi',
        en: 'Independent Evaluation Centre',
        ru: 'Центр независимой оценки',
      }
      type = 'agency'
    } else if (i < 32) {
      const kind = ORG_KINDS[i % 3] as Tri
      const field = FIELDS[(i - 2) % FIELDS.length] as string
      name = { az: `${field} ${kind.az}`, en: `${kind.en} of ${field}`, ru: `${kind.ru} (${field})` }
      type = i % 3 === 0 ? 'ministry' : i % 3 === 1 ? 'committee' : 'service'
    } else if (i % 3 === 0) {
      const r = REGIONS[i % REGIONS.length] as string
      name = {
        az: `${r} rayon İcra Hakimiyyəti ${i}`,
        en: `${r} District Executive Authority ${i}`,
        ru: `Исполнительная власть района ${r} ${i}`,
      }
      type = 'local_authority'
    } else {
      const kind = ORG_KINDS[3] as Tri
      const field = FIELDS[i % FIELDS.length] as string
      name = {
        az: `${field} ${kind.az} ${i}`,
        en: `${field} ${kind.en} ${i}`,
        ru: `${kind.ru} ${field} ${i}`,
      }
    }
    const code = i === 0 ? 'NK' : `ORG-${String(i).padStart(3, '0')}`
    const parent = i < 32 ? null : (orgs[2 + Math.floor(rnd() * 30)]?.id ?? null)
    orgs.push({ id, code, name })
    rows.push([id, code, name, code, type, i % 40 === 39 ? 'nakhchivan' : 'national', parent])
  }
  await loader.copy(
    'organizations',
    ['id', 'code', 'name', 'short_name', 'type', 'jurisdiction', 'parent_id'],
    rows,
  )
  return orgs
}

/** Roles of everyone who is not a head or a focal point, roughly as in a ministry-wide deployment. */
const OTHER_ROLES: [string, number][] = [
  ['viewer', 45],
  ['wg_member', 22],
  ['focal_point', 20],
  ['head', 5],
  ['wg_chair', 2],
]

/**
 * Every organisation gets a head and a focal point first; the coordinating body its secretariat,
 * administrators and auditors; the evaluator its evaluators; everyone else a weighted role. A fifth
 * have an earlier, closed membership and some a revoked grant, as people move between bodies.
 */
export const generatePeople = async (loader: Loader, rnd: Rnd, orgs: Org[], n: number) => {
  const people: Person[] = []
  const add = (org: Org, role: string, clearance: string) => {
    const first = pick(rnd, FIRST)
    const last = pick(rnd, LAST)
    const i = people.length + 1
    people.push({
      id: uuid(rnd),
      email: `${ascii(first)}.${ascii(last)}.${i}@monitoring.gov.az`,
      orgId: org.id,
      role,
      clearance,
    })
    return `${first} ${last}`
  }
  const names: string[] = []
  const [centre, evaluator] = orgs as [Org, Org]
  for (let k = 0; k < 15; k++) names.push(add(centre, 'secretariat', 'restricted'))
  for (let k = 0; k < 3; k++) names.push(add(centre, 'admin', 'restricted'))
  for (let k = 0; k < 5; k++) names.push(add(centre, 'auditor', 'restricted'))
  for (let k = 0; k < 10; k++) names.push(add(evaluator, 'evaluator', 'restricted'))
  // The coordinating body leads some measures itself, so it has a head and a focal point too.
  for (const o of [centre, ...orgs.slice(2)]) {
    names.push(add(o, 'head', 'restricted'))
    names.push(add(o, 'focal_point', rnd() < 0.75 ? 'internal' : 'restricted'))
  }
  const total = OTHER_ROLES.reduce((s, [, w]) => s + w, 0)
  while (people.length < n) {
    let r = rnd() * total
    let role = 'viewer'
    for (const [name, w] of OTHER_ROLES) {
      r -= w
      if (r < 0) {
        role = name
        break
      }
    }
    // The big bodies have more staff in the portal.
    const org = orgs[
      2 + (rnd() < 0.5 ? Math.floor(rnd() * 30) : Math.floor(rnd() * (orgs.length - 2)))
    ] as Org
    names.push(add(org, role, role === 'viewer' ? (rnd() < 0.4 ? 'public' : 'internal') : 'internal'))
  }
  await loader.copy(
    'user',
    ['id', 'name', 'email', 'email_verified', 'clearance', 'locale'],
    people.map((p, i) => [
      p.id,
      names[i],
      p.email,
      true,
      p.clearance,
      rnd() < 0.8 ? 'az' : pick(rnd, ['en', 'ru']),
    ]),
  )
  const memberships: unknown[][] = []
  const grants: unknown[][] = []
  for (const p of people) {
    if (rnd() < 0.2)
      memberships.push([
        uuid(rnd),
        p.id,
        pick(rnd, orgs).id,
        pick(rnd, POSITIONS),
        '2021-01-01',
        '2023-12-31',
      ])
    memberships.push([uuid(rnd), p.id, p.orgId, pick(rnd, POSITIONS), `202${int(rnd, 2, 4)}-01-01`, null])
    grants.push([uuid(rnd), p.id, p.orgId, p.role, null])
    if (rnd() < 0.08) grants.push([uuid(rnd), p.id, p.orgId, 'viewer', '2025-03-01T09:00:00Z'])
  }
  await loader.copy(
    'memberships',
    ['id', 'user_id', 'org_id', 'position', 'valid_from', 'valid_to'],
    memberships,
  )
  await loader.copy('role_grants', ['id', 'user_id', 'org_id', 'role', 'revoked_at'], grants)
  return { people, memberships: memberships.length, grants: grants.length }
}
