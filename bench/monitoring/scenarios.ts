import { type Clearance, clearanceAllows } from '@qalxan/contracts'
import { foldForSearch, visibleLevels } from '../../apps/server/src/modules/strategy/strategy.fns.ts'
import type { Generated } from './generate.ts'
import type { HttpStep, SqlStep } from './sampler.ts'
import type { SignedIn } from './session.ts'
import { ORIGIN } from './session.ts'
import { SEARCH_TERMS } from './vocab.ts'

/** One line of the table: the same work through the portal and as bare SQL, iteration by iteration. */
export type Row = {
  group: string
  label: string
  /** Which step of an iteration this row shows; `sum` adds all steps. */
  step: number | 'sum'
  /** Lists and measure pages must also answer under 50 ms at p95. */
  under50: boolean
  app: { warmup: HttpStep[][]; measured: HttpStep[][] }
  bare: { warmup: SqlStep[][]; measured: SqlStep[][] }
  /** Rows of one group share their runs (the measure page's four calls are one sequence). */
  shared?: boolean
  /** Measured in turns, the portal's iteration always goes first (a bare submission after the portal's). */
  appFirst?: boolean
}

export type Actors = {
  secretariat: SignedIn & { clearance: Clearance }
  focal: (SignedIn & { orgId: string; clearance: Clearance })[]
  writers: Map<string, SignedIn & { clearance: Clearance }>
  heads: Map<string, SignedIn>
}

const get = (path: string, who: SignedIn): HttpStep => ({
  method: 'GET',
  path,
  headers: { cookie: who.cookie },
  expect: 200,
})
const write = (method: 'POST' | 'PUT', path: string, who: SignedIn, body: unknown): HttpStep => ({
  method,
  path,
  headers: { cookie: who.cookie, origin: ORIGIN },
  body,
  expect: 200,
})
const split = <T>(xs: T[], warmup: number) => ({ warmup: xs.slice(0, warmup), measured: xs.slice(warmup) })
const times = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i))

/**
 * The measured work. Reads rotate over realistic callers and objects: the secretariat on the
 * dashboard (live, and each locked period's snapshot), focal points of the five organisations that
 * lead the most measures on their filtered measure list and on the pages of measures they lead.
 * Writes: focal points save drafts of the open period, then the heads of the lead executors submit
 * them (each submission on a fresh complete draft).
 */
export const buildRows = (
  g: Generated,
  who: Actors,
  opts: {
    iterations: number
    warmup: number
    submits: number
    submitWarmup: number
    saveDrafts: Generated['openDrafts']
    submitDrafts: Generated['openDrafts']
  },
): Row[] => {
  const n = opts.iterations + opts.warmup
  const sid = g.strategyId
  const sec = who.secretariat
  const rows: Row[] = []
  const locked = g.periods.filter((p) => p.state === 'locked')
  const open = g.periods.find((p) => p.state === 'open')
  if (!open) throw new Error('no open period')

  rows.push({
    group: 'reference',
    label: 'GET /health (no session, no SQL) beside `select 1`',
    step: 0,
    under50: false,
    app: split(
      times(n, () => [{ method: 'GET', path: '/health', headers: {}, expect: 200 } as HttpStep]),
      opts.warmup,
    ),
    bare: split(
      times(n, () => [{ fn: 'ping', args: { token: '' } }]),
      opts.warmup,
    ),
  })
  rows.push({
    group: 'reference',
    label: 'GET /api/me (session and grants only, for reference)',
    step: 0,
    under50: false,
    app: split(
      times(n, () => [get('/api/me', sec)]),
      opts.warmup,
    ),
    bare: split(
      times(n, () => [{ fn: 'auth', args: { token: sec.token } }]),
      opts.warmup,
    ),
  })
  rows.push({
    group: 'dashboard roll-up',
    label: 'GET /api/strategies/:id/overview (live), secretariat',
    step: 0,
    under50: false,
    app: split(
      times(n, () => [get(`/api/strategies/${sid}/overview`, sec)]),
      opts.warmup,
    ),
    bare: split(
      times(n, () => [
        {
          fn: 'overviewLive',
          args: { token: sec.token, strategyId: sid, levels: visibleLevels(sec.clearance) },
        },
      ]),
      opts.warmup,
    ),
  })
  rows.push({
    group: 'dashboard roll-up',
    label: 'GET …/overview?periodId=<locked> (snapshot), secretariat',
    step: 0,
    under50: false,
    app: split(
      times(n, (i) => [
        get(`/api/strategies/${sid}/overview?periodId=${locked[i % locked.length]?.id}`, sec),
      ]),
      opts.warmup,
    ),
    bare: split(
      times(n, (i) => [
        {
          fn: 'overviewSnapshot',
          args: { token: sec.token, strategyId: sid, periodId: locked[i % locked.length]?.id },
        },
      ]),
      opts.warmup,
    ),
  })

  const years = [2025, 2026, 2027]
  rows.push({
    group: 'measure list',
    label: 'GET /api/strategies/:id/measures?orgId&deadlineYear&limit=50, focal point',
    step: 0,
    under50: true,
    app: split(
      times(n, (i) => {
        const f = who.focal[i % who.focal.length] as Actors['focal'][number]
        return [
          get(
            `/api/strategies/${sid}/measures?orgId=${f.orgId}&deadlineYear=${years[i % years.length]}&limit=50`,
            f,
          ),
        ]
      }),
      opts.warmup,
    ),
    bare: split(
      times(n, (i) => {
        const f = who.focal[i % who.focal.length] as Actors['focal'][number]
        return [
          {
            fn: 'measureList',
            args: {
              token: f.token,
              strategyId: sid,
              orgId: f.orgId,
              year: years[i % years.length],
              levels: visibleLevels(f.clearance),
              limit: 50,
            },
          },
        ]
      }),
      opts.warmup,
    ),
  })

  // The measure page: the four calls the web's measure page makes for a measure and the open period.
  const pages = who.focal.flatMap((f) =>
    g.measures
      .filter(
        (m) =>
          m.state === 'active' &&
          m.leads.includes(f.orgId) &&
          clearanceAllows(f.clearance, m.confidentiality),
      )
      .map((m) => ({ f, m })),
  )
  const pageSteps = times(n, (i) => {
    const { f, m } = pages[i % pages.length] as (typeof pages)[number]
    return {
      app: [
        get(`/api/measures/${m.id}`, f),
        get(`/api/measures/${m.id}/reports`, f),
        get(`/api/measures/${m.id}/evaluations`, f),
        get(`/api/measures/${m.id}/periods/${open.id}/report`, f),
      ],
      bare: (['measure', 'measureReports', 'measureEvaluations', 'periodReport'] as const).map((fn) => ({
        fn,
        args: { token: f.token, measureId: m.id, periodId: open.id },
      })),
    }
  })
  const page = {
    app: split(
      pageSteps.map((s) => s.app),
      opts.warmup,
    ),
    bare: split(
      pageSteps.map((s) => s.bare),
      opts.warmup,
    ),
  }
  const calls = [
    'GET /api/measures/:id',
    'GET /api/measures/:id/reports',
    'GET /api/measures/:id/evaluations',
    'GET /api/measures/:mid/periods/:pid/report',
  ]
  for (const [step, label] of calls.entries())
    rows.push({ group: 'measure page', label, step, under50: false, shared: true, ...page })
  rows.push({
    group: 'measure page',
    label: 'the four calls together (sum)',
    step: 'sum',
    under50: false,
    shared: true,
    ...page,
  })
  // What the web's measure page sends now: one call for all it shows (the four above, the periods,
  // the period's contributions and the change requests), beside the bare SQL of all of it.
  const whole = times(n, (i) => {
    const { f, m } = pages[i % pages.length] as (typeof pages)[number]
    return {
      app: [get(`/api/measures/${m.id}/page?periodId=${open.id}`, f)],
      bare: [{ fn: 'measurePage', args: { token: f.token, measureId: m.id, periodId: open.id } }],
    }
  })
  rows.push({
    group: 'measure page',
    label: 'GET /api/measures/:id/page?periodId (the page, one call), focal point',
    step: 0,
    under50: true,
    app: split(
      whole.map((s) => s.app),
      opts.warmup,
    ),
    bare: split(
      whole.map((s) => s.bare),
      opts.warmup,
    ),
  })

  // Saves by the lead's focal point, round the drafts (each save must name the revision it read).
  // The portal and the bare SQL save different halves of the drafts: measured in turns, a bare save
  // would otherwise move on the revision the portal's next save of that draft names.
  const half = Math.max(1, Math.floor(opts.saveDrafts.length / 2))
  const appDrafts = opts.saveDrafts.slice(0, half)
  const bareDrafts = opts.saveDrafts.length > 1 ? opts.saveDrafts.slice(half) : appDrafts
  const saves = times(n, (i) => {
    const d = appDrafts[i % appDrafts.length] as Generated['openDrafts'][number]
    const b = bareDrafts[i % bareDrafts.length] as Generated['openDrafts'][number]
    const w = who.writers.get(d.orgId) as SignedIn
    const bw = who.writers.get(b.orgId) as SignedIn
    const draft = {
      reportedStatus: 'in_progress',
      progress: 30 + (i % 60),
      workDone: `Hesabat dövründə ${i + 1} tədbir keçirilib; insidentlərə cavab planı yenilənib və razılaşdırılıb.`,
    }
    return {
      app: [
        {
          ...write('PUT', `/api/measures/${d.measureId}/periods/${d.periodId}/report`, w, {
            ...draft,
            problems: '',
            nextSteps: 'Növbəti rübdə davam etdiriləcək.',
            revision: d.revision,
          }),
          chainRevision: true,
        },
      ],
      bare: [{ fn: 'save', args: { token: bw.token, reportId: b.reportId, draft } }],
    }
  })
  rows.push({
    group: 'report submission',
    label: 'PUT /api/measures/:mid/periods/:pid/report (save a draft), focal point',
    step: 0,
    under50: false,
    app: split(
      saves.map((s) => s.app),
      opts.warmup,
    ),
    bare: split(
      saves.map((s) => s.bare),
      opts.warmup,
    ),
  })
  const submits = opts.submitDrafts.slice(0, opts.submits + opts.submitWarmup).map((d) => {
    const h = who.heads.get(d.orgId) as SignedIn
    return {
      app: [write('POST', `/api/reports/${d.reportId}/submit`, h, {})],
      bare: [{ fn: 'submit', args: { token: h.token, reportId: d.reportId } }],
    }
  })
  rows.push({
    group: 'report submission',
    label: 'POST /api/reports/:id/submit (fresh complete draft), head',
    step: 0,
    under50: false,
    appFirst: true,
    app: split(
      submits.map((s) => s.app),
      opts.submitWarmup,
    ),
    bare: split(
      submits.map((s) => s.bare),
      opts.submitWarmup,
    ),
  })

  const f0 = who.focal[0] as Actors['focal'][number]
  for (const term of SEARCH_TERMS)
    rows.push({
      group: 'search',
      label: `GET /api/search?q=${term}, focal point`,
      step: 0,
      under50: false,
      app: split(
        times(n, () => [get(`/api/search?q=${encodeURIComponent(term)}&limit=10`, f0)]),
        opts.warmup,
      ),
      bare: split(
        times(n, () => [
          {
            fn: 'search',
            args: {
              token: f0.token,
              terms: foldForSearch(term).split(' '),
              levels: visibleLevels(f0.clearance),
              orgs: [f0.orgId],
              limit: 10,
            },
          },
        ]),
        opts.warmup,
      ),
    })
  rows.push({
    group: 'search',
    label: `GET /api/search?q=<each term in turn>, secretariat`,
    step: 0,
    under50: false,
    app: split(
      times(n, (i) => [
        get(
          `/api/search?q=${encodeURIComponent(SEARCH_TERMS[i % SEARCH_TERMS.length] as string)}&limit=10`,
          sec,
        ),
      ]),
      opts.warmup,
    ),
    bare: split(
      times(n, (i) => [
        {
          fn: 'search',
          args: {
            token: sec.token,
            terms: foldForSearch(SEARCH_TERMS[i % SEARCH_TERMS.length] as string).split(' '),
            levels: visibleLevels(sec.clearance),
            orgs: null,
            limit: 10,
          },
        },
      ]),
      opts.warmup,
    ),
  })
  return rows
}
