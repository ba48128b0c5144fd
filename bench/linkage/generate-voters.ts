// Synthetic Azerbaijani voters' list with injected duplicates and inaccuracies, and the truth beside it.
//   node --import tsx bench/linkage/generate-voters.ts --rows 100000 --out /tmp/voters-100k [--seed 1]
// Writes <out>.csv (the list), <out>.truth.csv (voter_id,person_id) and <out>.inaccuracies.csv.

import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { parseArgs } from 'node:util'
import { corruptDate, corruptFin, corruptName, toCyrillic } from './corrupt.ts'
import { CITIES, FEMALE_NAMES, MALE_NAMES, STREET_TYPES, STREETS, SURNAMES } from './names.ts'
import { createRandom, type Random } from './random.ts'

export const ELECTION_DATE = '2026-06-01'
const CONSTITUENCIES = 125
const PRECINCTS = 5800

export type Voter = {
  person: number
  fin: string
  id_card: string
  last_name: string
  first_name: string
  patronymic: string
  sex: 'K' | 'Q'
  birth_date: string
  constituency: string
  precinct: string
  city: string
  street: string
  house: string
  apartment: string
}

const FIN_CHARS = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'
const pad = (n: number, w: number) => String(n).padStart(w, '0')

const surnameFor = (root: string, ending: string, sex: 'K' | 'Q') => {
  if (ending === 'li' || ending === 'zadə')
    return root + (ending === 'li' && /[aıou]/.test(root.slice(-3)) ? 'lı' : ending)
  return root + ending + (sex === 'Q' ? 'a' : '')
}

const birthDate = (r: Random): string => {
  // Roughly the age structure of the electorate: flat to 60, thinning after.
  const age = r.next() < 0.8 ? 18 + r.next() * 42 : 60 + r.next() ** 1.7 * 35
  const day = Date.parse(`${ELECTION_DATE}T00:00:00Z`) - age * 365.2425 * 86_400_000
  return new Date(day).toISOString().slice(0, 10)
}

const precinctOf = (r: Random) => {
  const p = r.int(PRECINCTS)
  const c = Math.floor((p * CONSTITUENCIES) / PRECINCTS) + 1
  return { constituency: pad(c, 3), precinct: `${pad(c, 3)}-${pad(p + 1, 4)}`, p }
}

const addressIn = (r: Random, p: number) => {
  // Each precinct covers a handful of streets of one city.
  const city =
    CITIES[Math.min(CITIES.length - 1, Math.floor((p / PRECINCTS) ** 1.6 * CITIES.length))] ?? 'Bakı'
  const street = `${STREETS[(p * 7 + r.int(4)) % STREETS.length]} ${STREET_TYPES[(p + r.int(2)) % STREET_TYPES.length]}`
  return {
    city,
    street,
    house: String(1 + r.int(120)),
    apartment: r.next() < 0.7 ? String(1 + r.int(90)) : '',
  }
}

export const newPerson = (r: Random, person: number, fins: Set<string>): Voter => {
  const sex = r.next() < 0.49 ? 'K' : 'Q'
  const [root, ending] = r.zipf(SURNAMES, 0.9)
  const father = r.zipf(MALE_NAMES, 0.8)
  let fin = ''
  do fin = Array.from({ length: 7 }, () => FIN_CHARS[r.int(FIN_CHARS.length)]).join('')
  while (fins.has(fin))
  fins.add(fin)
  const where = precinctOf(r)
  return {
    person,
    fin,
    id_card: r.next() < 0.75 ? `AA${pad(r.int(10_000_000), 7)}` : `AZE${pad(r.int(100_000_000), 8)}`,
    last_name: surnameFor(root, ending, sex),
    first_name: r.zipf(sex === 'K' ? MALE_NAMES : FEMALE_NAMES, 0.8),
    patronymic: `${father} ${sex === 'K' ? 'oğlu' : 'qızı'}`,
    sex,
    birth_date: birthDate(r),
    constituency: where.constituency,
    precinct: where.precinct,
    ...addressIn(r, where.p),
  }
}

/** A second registration of the same voter, with the kinds of error found in registers. */
export const duplicateOf = (r: Random, v: Voter): Voter => {
  const d = { ...v }
  const errors = 1 + r.int(3)
  for (let e = 0; e < errors; e++) {
    const kind = r.next()
    if (kind < 0.25) {
      const field = r.pick(['last_name', 'first_name', 'patronymic'] as const)
      d[field] = corruptName(r, d[field])
    } else if (kind < 0.37) {
      const style = r.next() < 0.5 ? 'az' : 'ru'
      d.last_name = toCyrillic(d.last_name, style)
      d.first_name = toCyrillic(d.first_name, style)
      d.patronymic = toCyrillic(d.patronymic, style)
    } else if (kind < 0.45) [d.first_name, d.last_name] = [d.last_name, d.first_name]
    else if (kind < 0.6) d.birth_date = corruptDate(r, d.birth_date)
    else if (kind < 0.75) {
      const where = precinctOf(r)
      Object.assign(d, { constituency: where.constituency, precinct: where.precinct }, addressIn(r, where.p))
    } else if (kind < 0.85) {
      if (r.next() < 0.6) d.fin = ''
      else d.id_card = ''
    } else if (kind < 0.92) d.id_card = `AA${pad(r.int(10_000_000), 7)}`
    else d.fin = corruptFin(r, d.fin)
  }
  return d
}

const INACCURACIES = [
  'impossible-date',
  'under-age',
  'malformed-fin',
  'required-missing',
  'incomplete-address',
] as const

const inaccurate = (r: Random, v: Voter): [Voter, string] => {
  const code = r.pick(INACCURACIES)
  const d = { ...v }
  if (code === 'impossible-date') d.birth_date = `${v.birth_date.slice(0, 4)}-02-30`
  else if (code === 'under-age')
    d.birth_date = `${Number(ELECTION_DATE.slice(0, 4)) - 17}${v.birth_date.slice(4)}`
  else if (code === 'malformed-fin') d.fin = v.fin.slice(0, 6)
  else if (code === 'required-missing') d.first_name = ''
  else d.house = ''
  return [d, code]
}

const COLUMNS = ['voter_id', 'fin', 'id_card', 'last_name', 'first_name', 'patronymic', 'sex', 'birth_date']
const TAIL = ['constituency', 'precinct', 'city', 'street', 'house', 'apartment'] as const

const line = (id: string, v: Voter, dotted: boolean) => {
  const date = dotted ? v.birth_date.split('-').reverse().join('.') : v.birth_date
  return [
    id,
    v.fin,
    v.id_card,
    v.last_name,
    v.first_name,
    v.patronymic,
    v.sex,
    date,
    ...TAIL.map((k) => v[k]),
  ]
    .map((x) => (/[",\n]/.test(x) ? `"${x.replaceAll('"', '""')}"` : x))
    .join(',')
}

export type GenerateOptions = {
  rows: number
  out: string
  seed?: number
  duplicateRate?: number
  inaccuracyRate?: number
}

export const generateVoters = async (o: GenerateOptions) => {
  const r = createRandom(o.seed ?? 1)
  const duplicateRate = o.duplicateRate ?? 0.03
  const inaccuracyRate = o.inaccuracyRate ?? 0.005
  const list = createWriteStream(`${o.out}.csv`)
  const truth = createWriteStream(`${o.out}.truth.csv`)
  const wrong = createWriteStream(`${o.out}.inaccuracies.csv`)
  list.write(`${[...COLUMNS, ...TAIL].join(',')}\n`)
  truth.write('voter_id,person_id\n')
  wrong.write('voter_id,code\n')
  const fins = new Set<string>()
  const pending: Voter[] = []
  let rows = 0
  let persons = 0
  let duplicates = 0
  let twins = 0
  let bufList = ''
  let bufTruth = ''
  const emit = async (v: Voter) => {
    const id = `V${pad(++rows, 8)}`
    let out = v
    if (r.next() < inaccuracyRate) {
      const [bad, code] = inaccurate(r, v)
      out = bad
      wrong.write(`${id},${code}\n`)
    }
    bufList += `${line(id, out, r.next() < 0.1)}\n`
    bufTruth += `${id},P${v.person}\n`
    if (bufList.length > 1 << 20) {
      const ok = list.write(bufList)
      truth.write(bufTruth)
      bufList = ''
      bufTruth = ''
      if (!ok) await once(list, 'drain')
    }
  }
  while (rows < o.rows) {
    const v = newPerson(r, persons++, fins)
    await emit(v)
    if (r.next() < duplicateRate) {
      pending.push(duplicateOf(r, v))
      if (r.next() < 0.2) pending.push(duplicateOf(r, v))
    }
    // Twins: same family, birth date and address, different first name and FIN: not duplicates.
    if (r.next() < 0.003 && rows < o.rows) {
      const twin = { ...newPerson(r, persons++, fins), last_name: v.last_name, patronymic: v.patronymic }
      Object.assign(twin, { birth_date: v.birth_date, constituency: v.constituency, precinct: v.precinct })
      Object.assign(twin, {
        city: v.city,
        street: v.street,
        house: v.house,
        apartment: v.apartment,
        sex: v.sex,
      })
      if (twin.first_name !== v.first_name) {
        twins++
        await emit(twin)
      }
    }
    // Duplicates turn up later in the list, not next to the original.
    while (pending.length > 0 && rows < o.rows && r.next() < 0.5 * duplicateRate * 2) {
      const i = r.int(pending.length)
      const [d] = pending.splice(i, 1)
      if (d) {
        duplicates++
        await emit(d)
      }
    }
  }
  list.end(bufList)
  truth.end(bufTruth)
  wrong.end()
  await Promise.all([once(list, 'finish'), once(truth, 'finish'), once(wrong, 'finish')])
  return { rows, persons, duplicates, twins }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { rows: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } },
  })
  if (!values.rows || !values.out) throw new Error('usage: generate-voters --rows N --out PATH [--seed S]')
  const started = performance.now()
  const result = await generateVoters({
    rows: Number(values.rows),
    out: values.out,
    seed: Number(values.seed ?? 1),
  })
  console.log(JSON.stringify({ ...result, seconds: Math.round(performance.now() - started) / 1000 }))
}
