import { CalendarSchema, calendarPeriods, parseDeadline } from '@qalxan/contracts'
import { measureSearchText } from '../../apps/server/src/modules/strategy/strategy.fns.ts'
import type { Loader } from './copy.ts'
import type { Org } from './people.ts'
import {
  DIRECTIONS,
  int,
  measureDescription,
  measureTitle,
  OBJECTS,
  pick,
  type Rnd,
  TOPICS,
  type Tri,
  uuid,
  VERBS,
  zipf,
} from './vocab.ts'

export type Measure = {
  id: string
  code: string
  topic: Tri
  confidentiality: 'public' | 'internal' | 'restricted'
  state: 'active' | 'cancelled'
  start: string
  end: string | null
  leads: string[]
  cos: string[]
  indicatorIds: string[]
  /** When the executor finishes (null: never within the plan, or ongoing). */
  doneOn: string | null
  /** For measures that are never finished: where their progress stops. */
  cap: number
}
export type Period = {
  id: string
  label: string
  kind: string
  startsOn: string
  endsOn: string
  dueOn: string
  /** Locked periods are written closed and locked afterwards through the API, which takes the snapshot. */
  state: 'planned' | 'open' | 'closed' | 'locked'
}

const DEADLINES: [string, number][] = [
  ['2023-2024', 10],
  ['2024-2025', 10],
  ['2025-2026', 8],
  ['2026-2027', 6],
  ['2023-2027', 4],
  ['2024', 6],
  ['2025', 8],
  ['2026', 7],
  ['2027', 3],
  ['2025-H1', 3],
  ['2025-H2', 3],
  ['2026-H1', 3],
  ['2024-Q4', 1],
  ['2025-Q3', 2],
  ['2026-Q2', 2],
  ['2024-12-31', 2],
  ['2025-06-30', 3],
  ['2026-09-30', 3],
  ['ongoing', 16],
]
const OUTPUTS = ['normative_act', 'info_system', 'proposals', 'training', 'report', 'other'] as const
const TAGS = [
  'NCAF:1',
  'NCAF:2',
  'NCAF:3',
  'NCAF:4',
  'NCAF:5',
  'GCI:Legal',
  'GCI:Technical',
  'GCI:Organizational',
  'GCI:Capacity',
  'GCI:Cooperation',
  'ISO27001',
]
const STAGES = ['draft', 'agreed', 'submitted', 'adopted'] as const

const weighted = <T>(rnd: Rnd, xs: [T, number][]) => {
  let r = rnd() * xs.reduce((s, [, w]) => s + w, 0)
  for (const [x, w] of xs) {
    r -= w
    if (r < 0) return x
  }
  return (xs[xs.length - 1] as [T, number])[0]
}
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
const between = (rnd: Rnd, a: string, b: string) => {
  const x = Date.parse(a)
  return new Date(x + rnd() * (Date.parse(b) - x)).toISOString().slice(0, 10)
}

/**
 * The Strategy 2023-2027: six directions, four goals each, measures spread over the goals with a
 * lead executor (a tenth have two) chosen so that a few ministries lead most of them, five to
 * twelve co-executors, a mix of deadlines, public, internal and restricted measures, milestones and
 * indicators. Each measure also gets a fate (done on time, done late, never done) for the reports.
 */
export const generatePlan = async (loader: Loader, rnd: Rnd, orgs: Org[], count: number) => {
  const strategyId = uuid(rnd)
  await loader.query(
    `insert into strategies (id, code, title, act_type, act_number, act_date, period_start, period_end)
     values ($1, 'IS-STRATEGY-2023-2027', $2, 'Prezidentin Sərəncamı', '4060', '2023-08-28', 2023, 2027)`,
    [
      strategyId,
      JSON.stringify({
        az: 'İnformasiya təhlükəsizliyi və kibertəhlükəsizlik strategiyası (2023-2027)',
        en: 'Information Security and Cyber Security Strategy 2023-2027',
        ru: 'Стратегия информационной безопасности и кибербезопасности на 2023-2027 годы',
      }),
    ],
  )
  const directionRows: unknown[][] = []
  const goalRows: unknown[][] = []
  const goals: { id: string; code: string }[] = []
  DIRECTIONS.forEach((d, di) => {
    const id = uuid(rnd)
    directionRows.push([id, strategyId, String(di + 1), d, di])
    for (let g = 0; g < 4; g++) {
      const topic = TOPICS[(di * 4 + g) % TOPICS.length] as Tri
      const gid = uuid(rnd)
      const code = `5.${di + 1}.${g + 1}`
      goals.push({ id: gid, code })
      goalRows.push([
        gid,
        strategyId,
        id,
        code,
        { az: `${d.az}: ${topic.az}`, en: `${d.en}: ${topic.en}`, ru: `${d.ru}: ${topic.ru}` },
        g,
      ])
    }
  })
  await loader.copy('directions', ['id', 'strategy_id', 'code', 'title', 'position'], directionRows)
  await loader.copy('goals', ['id', 'strategy_id', 'direction_id', 'code', 'title', 'position'], goalRows)

  const measures: Measure[] = []
  const measureRows: unknown[][] = []
  const executorRows: unknown[][] = []
  const milestoneRows: unknown[][] = []
  const indicatorRows: unknown[][] = []
  const perGoal = new Map<string, number>()
  const leadPool = orgs.slice(2)
  for (let i = 0; i < count; i++) {
    const goal = goals[Math.floor((i / count) * goals.length)] as { id: string; code: string }
    const k = (perGoal.get(goal.id) ?? 0) + 1
    perGoal.set(goal.id, k)
    const code = `${goal.code}.${k}`
    const topic = rnd() < 0.5 ? (TOPICS[goals.indexOf(goal) % TOPICS.length] as Tri) : pick(rnd, TOPICS)
    const title = measureTitle(topic, pick(rnd, OBJECTS), pick(rnd, VERBS))
    // A few ministries lead most measures; the coordinating body leads some itself.
    const lead = rnd() < 0.04 ? (orgs[0] as Org) : (leadPool[zipf(rnd, leadPool.length, 0.8)] as Org)
    const leads = [lead]
    if (rnd() < 0.1) {
      const second = leadPool[zipf(rnd, leadPool.length, 0.8)] as Org
      if (second.id !== lead.id) leads.push(second)
    }
    const cos: Org[] = []
    const want = int(rnd, 5, 12)
    for (let tries = 0; cos.length < want && tries < 100; tries++) {
      const o = leadPool[zipf(rnd, leadPool.length, 0.5)] as Org
      if (!leads.includes(o) && !cos.includes(o)) cos.push(o)
    }
    const recommended: Org[] = []
    for (let r = int(rnd, 0, 2); r > 0; r--) {
      const o = pick(rnd, leadPool)
      if (!leads.includes(o) && !cos.includes(o) && !recommended.includes(o)) recommended.push(o)
    }
    const raw = weighted(rnd, DEADLINES)
    const dl = parseDeadline(raw, '2023-01-01')
    if (!dl) throw new Error(`bad deadline ${raw}`)
    const confidentiality = weighted(rnd, [
      ['public', 65],
      ['internal', 25],
      ['restricted', 10],
    ] as ['public' | 'internal' | 'restricted', number][])
    const state = rnd() < 0.03 ? 'cancelled' : 'active'
    const start = dl.start ?? '2023-01-01'
    const fate = rnd()
    const doneOn =
      dl.end === null || fate >= 0.8
        ? null
        : fate < 0.65
          ? between(
              rnd,
              addDays(dl.end, -Math.round((Date.parse(dl.end) - Date.parse(start)) / 86_400_000 / 3)),
              dl.end,
            )
          : addDays(dl.end, int(rnd, 20, 360))
    const description = measureDescription(
      topic,
      [...leads, ...cos.slice(0, 2)].map((o) => o.name.az),
    )
    const id = uuid(rnd)
    const outputType = pick(rnd, OUTPUTS)
    measureRows.push([
      id,
      strategyId,
      goal.id,
      code,
      title,
      description,
      {
        az: `${topic.az} üzrə nəticə əldə edilib`,
        en: `Result on ${topic.en} achieved`,
        ru: `Достигнут результат по ${topic.ru}`,
      },
      outputType,
      dl.kind,
      dl.value,
      dl.start,
      dl.end,
      dl.value,
      weighted(rnd, [
        [1, 70],
        [2, 20],
        [3, 10],
      ]),
      confidentiality,
      TAGS.filter(() => rnd() < 0.15),
      state,
      k,
      measureSearchText(code, title, description),
    ])
    let pos = 0
    for (const o of leads) executorRows.push([id, o.id, 'lead', pos++])
    for (const o of cos) executorRows.push([id, o.id, 'co', pos++])
    for (const o of recommended) executorRows.push([id, o.id, 'recommended', pos++])
    const nMilestones = outputType === 'normative_act' ? int(rnd, 2, 3) : int(rnd, 0, 2)
    for (let m = 0; m < nMilestones; m++) {
      const planned = between(rnd, start, dl.end ?? '2027-12-31')
      const revised = rnd() < 0.2 ? addDays(planned, int(rnd, 30, 200)) : planned
      const actual = revised < '2026-11-01' && rnd() < 0.7 ? addDays(revised, int(rnd, -20, 40)) : null
      const stage = outputType === 'normative_act' ? pick(rnd, STAGES) : null
      milestoneRows.push([
        uuid(rnd),
        id,
        { az: `${m + 1}-ci mərhələ: ${topic.az}`, en: `Stage ${m + 1}: ${topic.en}` },
        planned,
        revised,
        actual,
        stage,
        stage === 'adopted' ? 'Nazirlər Kabinetinin Qərarı' : null,
        stage === 'adopted' ? String(int(rnd, 1, 700)) : null,
        stage === 'adopted' ? actual : null,
        m,
      ])
    }
    const indicatorIds: string[] = []
    if (rnd() < 0.4)
      for (let n = int(rnd, 1, 2); n > 0; n--) {
        const iid = uuid(rnd)
        indicatorIds.push(iid)
        indicatorRows.push([
          iid,
          strategyId,
          id,
          `${code}-G${n}`,
          { az: `${topic.az}: göstərici ${n}`, en: `${topic.en}: indicator ${n}` },
          pick(rnd, ['%', 'say', 'nəfər']),
          int(rnd, 0, 20),
          2023,
          'up',
          [2024, 2025, 2026, 2027].map((year, j) => ({ year, value: 25 * (j + 1) })),
        ])
      }
    measures.push({
      id,
      code,
      topic,
      confidentiality,
      state,
      start,
      end: dl.end,
      leads: leads.map((o) => o.id),
      cos: cos.map((o) => o.id),
      indicatorIds,
      doneOn,
      cap: int(rnd, 30, 90),
    })
  }
  // Strategy target indicators, with the secretariat's yearly values.
  const valueRows: unknown[][] = []
  for (let n = 1; n <= 12; n++) {
    const iid = uuid(rnd)
    const topic = TOPICS[n % TOPICS.length] as Tri
    indicatorRows.push([
      iid,
      strategyId,
      null,
      `SI-${n}`,
      { az: `${topic.az} (strateji göstərici)`, en: `${topic.en} (strategic)` },
      '%',
      10,
      2022,
      n % 4 === 0 ? 'down' : 'up',
      [2023, 2024, 2025, 2026, 2027].map((year, j) => ({ year, value: 20 + 15 * j })),
    ])
    for (const year of [2023, 2024, 2025])
      valueRows.push([uuid(rnd), iid, year, null, 15 + (year - 2023) * int(rnd, 8, 20), 'secretariat', null])
  }
  await loader.copy(
    'measures',
    [
      'id',
      'strategy_id',
      'goal_id',
      'code',
      'title',
      'description',
      'expected_result',
      'output_type',
      'deadline_kind',
      'deadline_value',
      'deadline_start',
      'deadline_end',
      'original_deadline',
      'weight',
      'confidentiality',
      'framework_tags',
      'state',
      'position',
      'search_text',
    ],
    measureRows,
  )
  await loader.copy('measure_executors', ['measure_id', 'org_id', 'role', 'position'], executorRows)
  await loader.copy(
    'milestones',
    [
      'id',
      'measure_id',
      'title',
      'original_planned_date',
      'planned_date',
      'actual_date',
      'stage',
      'act_type',
      'act_number',
      'act_date',
      'position',
    ],
    milestoneRows,
  )
  await loader.copy(
    'indicators',
    [
      'id',
      'strategy_id',
      'measure_id',
      'code',
      'name',
      'unit',
      'baseline',
      'baseline_year',
      'direction',
      'targets',
    ],
    indicatorRows,
  )
  await loader.copy(
    'indicator_values',
    ['id', 'indicator_id', 'year', 'period_id', 'value', 'source', 'report_id'],
    valueRows,
  )
  return {
    strategyId,
    measures,
    counts: {
      directions: directionRows.length,
      goals: goalRows.length,
      measures: measureRows.length,
      measureExecutors: executorRows.length,
      milestones: milestoneRows.length,
      indicators: indicatorRows.length,
    },
  }
}

/**
 * Twenty periods of the default calendar: 2024 and 2025 whole (quarters, halves, the year) and 2026
 * up to the second half. As of the end of 2026 the past ones are locked, 2026-Q3 is closed and under
 * review, 2026-Q4 is open for working updates and 2026-H2 is planned.
 */
export const generatePeriods = async (loader: Loader, rnd: Rnd, strategyId: string, today: string) => {
  const cal = CalendarSchema.parse({})
  const all = [2024, 2025, 2026].flatMap((y) => calendarPeriods(y, cal)).filter((p) => p.label !== '2026')
  const periods: Period[] = all.map((p) => ({
    id: uuid(rnd),
    ...p,
    state:
      p.label === '2026-H2'
        ? 'planned'
        : p.label === '2026-Q4'
          ? 'open'
          : p.label === '2026-Q3'
            ? 'closed'
            : p.dueOn < today
              ? 'locked'
              : 'open',
  }))
  await loader.copy(
    'reporting_periods',
    [
      'id',
      'strategy_id',
      'kind',
      'label',
      'starts_on',
      'ends_on',
      'due_on',
      'state',
      'opened_at',
      'closed_at',
    ],
    periods.map((p) => [
      p.id,
      strategyId,
      p.kind,
      p.label,
      p.startsOn,
      p.endsOn,
      p.dueOn,
      p.state === 'locked' ? 'closed' : p.state,
      p.state === 'planned' ? null : `${[addDays(p.endsOn, -14), addDays(today, -30)].sort()[0]}T08:00:00Z`,
      p.state === 'locked' || p.state === 'closed' ? `${addDays(p.dueOn, 10)}T18:00:00Z` : null,
    ]),
  )
  return periods
}
