import type { Role, RoleGrant } from '@qalxan/contracts'
import { user } from '../src/db/schema/index.ts'
import type { Actor } from '../src/modules/access/actor.ts'
import type { Org, TestApp } from './helpers.ts'

/*
 * The rows of the route × role table for the strategy, reporting, evaluation and search routes.
 * Every role's user sits in the OWN organisation with internal clearance. "own" targets are
 * measures whose lead executor is OWN, "other" ones measures led by OTHER. State-changing rows
 * build a fresh target per call, so no call depends on another's result.
 */

type Side = 'own' | 'other'
type Req = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  url: string
  body?: unknown
  upload?: { name: string; content: string | Buffer }
}
export type PlanCtx = { t: TestApp; org: Record<Side, Org>; side: Side; role: Role; plan: PlanWorld }
type Row = {
  route: string
  name: string
  expect: { own: string; other?: string }
  request: (c: PlanCtx) => Promise<Req> | Req
}

export type PlanWorld = Awaited<ReturnType<typeof setUpPlan>>

let seq = 0

/** A strategy frozen at baseline v1 with one measure per side, open periods and a setup actor. */
export const setUpPlan = async (t: TestApp, org: Record<Side, Org>) => {
  const id = crypto.randomUUID()
  await t.database.db.insert(user).values({ id, email: 'plan-setup@test.az', name: 'Plan setup' })
  const grants: RoleGrant[] = [
    ...(['secretariat', 'evaluator'] as const).map((role) => ({ role, orgId: org.own.id })),
    ...(['own', 'other'] as const).flatMap((s) =>
      (['focal_point', 'head'] as const).map((role) => ({ role, orgId: org[s].id })),
    ),
  ]
  const actor: Actor = {
    userId: id,
    orgId: org.own.id,
    grants,
    clearance: 'restricted',
    sessionId: null,
    authMethod: 'session',
    scopes: ['read', 'write'],
    mfaAt: new Date(),
    requestId: null,
    ip: null,
  }
  const { strategy, reporting, evaluation } = t.services
  const newStrategy = async () => {
    const s = await strategy.createStrategy(actor, {
      code: `TBL-S-${++seq}`,
      title: { az: 'Cədvəl strategiyası' },
      actType: 'Sərəncam',
      actNumber: String(seq),
      actDate: '2023-08-28',
      periodStart: 2023,
      periodEnd: 2027,
    })
    const d = await strategy.createDirection(actor, s.id, { code: '1', title: { az: 'İstiqamət' } })
    await strategy.createGoal(actor, s.id, { directionId: d.id, code: 'G1', title: { az: 'Hədəf' } })
    return s
  }
  const s = await newStrategy()
  const code = (side: Side) => (side === 'own' ? org.own.code : org.other.code)
  const measure = async (lead: Side, co?: Side) =>
    strategy.createMeasure(actor, s.id, {
      goalCode: 'G1',
      code: `M-${++seq}`,
      title: { az: `Tədbir ${seq}` },
      description: { az: '' },
      expectedResult: { az: '' },
      outputType: 'other',
      deadline: '2024-2025',
      weight: 1,
      confidentiality: 'public',
      frameworkTags: [],
      leadExecutors: [code(lead)],
      coExecutors: co ? [code(co)] : [],
      recommended: [],
    })
  const measures = { own: await measure('own', 'other'), other: await measure('other', 'own') }
  const milestones = {
    own: await strategy.addMilestone(actor, measures.own.id, {
      title: { az: 'Mərhələ' },
      plannedDate: '2024-06-30',
      actualDate: null,
      stage: 'draft',
      actType: null,
      actNumber: null,
      actDate: null,
    }),
    other: await strategy.addMilestone(actor, measures.other.id, {
      title: { az: 'Mərhələ' },
      plannedDate: '2024-06-30',
      actualDate: null,
      stage: 'draft',
      actType: null,
      actNumber: null,
      actDate: null,
    }),
  }
  const indicator = await strategy.addIndicator(actor, s.id, {
    code: 'I1',
    name: { az: 'Göstərici' },
    unit: '%',
    baseline: null,
    baselineYear: null,
    direction: 'up',
    targets: [],
  })
  await strategy.approveBaseline(actor, s.id, 'approved')
  const newPeriod = async (
    kind: 'quarterly' | 'semiannual' | 'annual' = 'quarterly',
    state: 'planned' | 'open' | 'closed' | 'locked' = 'open',
  ) => {
    const n = ++seq
    const p = await reporting.createPeriod(actor, s.id, {
      kind,
      label: kind === 'annual' ? '2024' : kind === 'semiannual' ? '2024-H1' : `P-${n}`,
      startsOn: '2024-01-01',
      endsOn: kind === 'semiannual' ? '2024-06-30' : '2024-12-31',
      dueOn: '2025-01-20',
    })
    if (state === 'planned') return p
    await reporting.movePeriod(actor, p.id, 'open')
    if (state === 'open') return p
    await reporting.movePeriod(actor, p.id, 'closed')
    if (state === 'closed') return p
    await reporting.movePeriod(actor, p.id, 'locked', evaluation.snapshotFor)
    return p
  }
  const period = await newPeriod()
  await newPeriod('annual')
  await newPeriod('semiannual')
  const draftOf = async (side: Side, complete = true) => {
    const m = await measure(side)
    const r = await reporting.saveDraft(
      actor,
      m.id,
      period.id,
      complete
        ? { reportedStatus: 'in_progress', progress: 30, workDone: 'İş görülüb', revision: 0 }
        : { revision: 0 },
    )
    return { measure: m, report: r }
  }
  const reports = { own: await draftOf('own'), other: await draftOf('other') }
  const submitted = async (side: Side) => {
    const d = await draftOf(side)
    await reporting.act(actor, d.report.id, 'submit')
    return d
  }
  const contributions = {
    own: await reporting.saveContribution(actor, measures.other.id, period.id, {
      text: 'Töhfə',
      submit: true,
      orgId: org.own.id,
    }),
    other: await reporting.saveContribution(actor, measures.own.id, period.id, {
      text: 'Töhfə',
      submit: true,
      orgId: org.other.id,
    }),
  }
  const withEvidence = async (side: Side) => {
    const d = await draftOf(side)
    const r = await reporting.addEvidence(actor, d.report.id, {
      kind: 'link',
      title: 'Arayış',
      url: 'https://example.gov.az/a',
    })
    return { report: r, evidenceId: r.evidence[0]?.id as string }
  }
  const changeRequest = async () =>
    strategy.proposeChange(actor, {
      measureId: measures.own.id,
      kind: 'deadline',
      proposed: { deadline: `20${24 + (seq++ % 3)}-2027` },
      justification: 'x',
    })
  const template = await t.services.planImport.template(actor, 'az')
  return {
    actor,
    s,
    measure,
    measures,
    milestones,
    indicator,
    period,
    reports,
    contributions,
    newStrategy,
    newPeriod,
    draftOf,
    submitted,
    withEvidence,
    changeRequest,
    template,
  }
}

const everyone = (n: number) => Array(9).fill(String(n)).join(' ')
const SEC_ONLY = (ok: number) => `403 ${ok} 403 403 403 403 403 403 403`

// Column order: admin secretariat evaluator wg_chair wg_member focal_point head auditor viewer
/** Reading reports: the roles that read everywhere, and the lead executor's own people. */
const READ = { own: '404 200 200 200 200 200 200 200 404', other: '404 200 200 200 404 404 404 200 404' }
/** Editing the lead's report: its focal point and head; the read-everywhere roles are refused. */
const EDIT = { own: '404 403 403 403 403 200 200 403 404', other: '404 403 403 403 404 404 404 403 404' }

export const PLAN_ROWS: Row[] = [
  {
    route: 'GET /api/strategies',
    name: 'list strategies',
    expect: { own: everyone(200) },
    request: () => ({ method: 'GET', url: '/api/strategies' }),
  },
  {
    route: 'POST /api/strategies',
    name: 'create strategy',
    expect: { own: SEC_ONLY(201) },
    request: () => ({
      method: 'POST',
      url: '/api/strategies',
      body: {
        code: `T-STR-${++seq}`,
        title: { az: 'S' },
        actType: 'Sərəncam',
        actNumber: '1',
        actDate: '2024-01-01',
        periodStart: 2024,
        periodEnd: 2027,
      },
    }),
  },
  {
    route: 'GET /api/strategies/:strategyId/plan',
    name: 'plan tree',
    expect: { own: everyone(200) },
    request: (c) => ({ method: 'GET', url: `/api/strategies/${c.plan.s.id}/plan` }),
  },
  {
    route: 'POST /api/strategies/:strategyId/directions',
    name: 'create direction',
    expect: { own: SEC_ONLY(201) },
    request: (c) => ({
      method: 'POST',
      url: `/api/strategies/${c.plan.s.id}/directions`,
      body: { code: `D${++seq}`, title: { az: 'İ' } },
    }),
  },
  {
    route: 'POST /api/strategies/:strategyId/goals',
    name: 'create goal',
    expect: { own: SEC_ONLY(201) },
    request: async (c) => {
      const plan = await c.t.services.strategy.plan(c.plan.actor, c.plan.s.id)
      return {
        method: 'POST',
        url: `/api/strategies/${c.plan.s.id}/goals`,
        body: { directionId: plan.directions[0]?.id, code: `G-${++seq}`, title: { az: 'H' } },
      }
    },
  },
  {
    route: 'GET /api/strategies/:strategyId/measures',
    name: 'list measures',
    expect: { own: everyone(200) },
    request: (c) => ({ method: 'GET', url: `/api/strategies/${c.plan.s.id}/measures` }),
  },
  {
    route: 'POST /api/strategies/:strategyId/measures',
    name: 'create measure',
    expect: { own: SEC_ONLY(201) },
    request: (c) => ({
      method: 'POST',
      url: `/api/strategies/${c.plan.s.id}/measures`,
      body: {
        goalCode: 'G1',
        code: `X-${++seq}`,
        title: { az: 'T' },
        deadline: '2025',
        leadExecutors: [c.org.own.code],
      },
    }),
  },
  {
    route: 'GET /api/measures/:id',
    name: 'read measure',
    expect: { own: everyone(200), other: everyone(200) },
    request: (c) => ({ method: 'GET', url: `/api/measures/${c.plan.measures[c.side].id}` }),
  },
  {
    route: 'GET /api/measures/:id/page',
    name: 'measure page',
    // Everyone who may see the measure gets the page; what it holds of reports depends on the role.
    expect: { own: everyone(200), other: everyone(200) },
    request: (c) => ({
      method: 'GET',
      url: `/api/measures/${c.plan.reports[c.side].measure.id}/page?periodId=${c.plan.period.id}`,
    }),
  },
  {
    route: 'PATCH /api/measures/:id',
    name: 'update measure attributes',
    expect: { own: SEC_ONLY(200), other: SEC_ONLY(200) },
    request: (c) => ({
      method: 'PATCH',
      url: `/api/measures/${c.plan.measures[c.side].id}`,
      body: { weight: 2 },
    }),
  },
  {
    route: 'POST /api/measures/:id/milestones',
    name: 'add milestone',
    expect: { own: SEC_ONLY(201), other: SEC_ONLY(201) },
    request: (c) => ({
      method: 'POST',
      url: `/api/measures/${c.plan.measures[c.side].id}/milestones`,
      body: { title: { az: 'M' } },
    }),
  },
  {
    route: 'PATCH /api/milestones/:id',
    name: 'record milestone progress',
    expect: { own: '403 200 403 403 403 200 200 403 403', other: SEC_ONLY(200) },
    request: (c) => ({
      method: 'PATCH',
      url: `/api/milestones/${c.plan.milestones[c.side].id}`,
      body: { stage: 'agreed' },
    }),
  },
  {
    route: 'GET /api/strategies/:strategyId/indicators',
    name: 'list indicators',
    expect: { own: everyone(200) },
    request: (c) => ({ method: 'GET', url: `/api/strategies/${c.plan.s.id}/indicators` }),
  },
  {
    route: 'POST /api/strategies/:strategyId/indicators',
    name: 'create indicator',
    expect: { own: SEC_ONLY(201) },
    request: (c) => ({
      method: 'POST',
      url: `/api/strategies/${c.plan.s.id}/indicators`,
      body: { code: `I-${++seq}`, name: { az: 'G' }, unit: '%' },
    }),
  },
  {
    route: 'POST /api/strategies/:strategyId/indicators/:indicatorId/values',
    name: 'record indicator value',
    expect: { own: SEC_ONLY(200) },
    request: (c) => ({
      method: 'POST',
      url: `/api/strategies/${c.plan.s.id}/indicators/${c.plan.indicator.id}/values`,
      body: { year: 2024, value: 1 },
    }),
  },
  {
    route: 'POST /api/strategies/:strategyId/baseline',
    name: 'freeze baseline v1',
    expect: { own: SEC_ONLY(200) },
    request: async (c) => ({
      method: 'POST',
      url: `/api/strategies/${(await c.plan.newStrategy()).id}/baseline`,
      body: { note: 'approved' },
    }),
  },
  {
    route: 'GET /api/strategies/:strategyId/versions',
    name: 'plan versions',
    expect: { own: everyone(200) },
    request: (c) => ({ method: 'GET', url: `/api/strategies/${c.plan.s.id}/versions` }),
  },
  {
    route: 'GET /api/strategies/:strategyId/versions/:version',
    name: 'plan version',
    expect: { own: everyone(200) },
    request: (c) => ({ method: 'GET', url: `/api/strategies/${c.plan.s.id}/versions/1` }),
  },
  {
    route: 'GET /api/strategies/:strategyId/change-requests',
    name: 'list change requests',
    expect: { own: everyone(200) },
    request: (c) => ({ method: 'GET', url: `/api/strategies/${c.plan.s.id}/change-requests` }),
  },
  {
    route: 'POST /api/change-requests',
    name: 'propose change',
    expect: { own: SEC_ONLY(201), other: SEC_ONLY(201) },
    request: (c) => ({
      method: 'POST',
      url: '/api/change-requests',
      body: {
        measureId: c.plan.measures[c.side].id,
        kind: 'deadline',
        proposed: { deadline: '2026' },
        justification: 'x',
      },
    }),
  },
  {
    route: 'POST /api/change-requests/:id/decision',
    name: 'decide change',
    expect: { own: SEC_ONLY(200) },
    request: async (c) => ({
      method: 'POST',
      url: `/api/change-requests/${(await c.plan.changeRequest()).id}/decision`,
      body: { approve: false, decision: { body: 'Komissiya', number: '1', date: '2024-01-01' } },
    }),
  },
  {
    route: 'GET /api/strategies/:strategyId/periods',
    name: 'list periods',
    expect: { own: everyone(200) },
    request: (c) => ({ method: 'GET', url: `/api/strategies/${c.plan.s.id}/periods` }),
  },
  {
    route: 'POST /api/strategies/:strategyId/periods',
    name: 'create period',
    expect: { own: SEC_ONLY(201) },
    request: (c) => ({
      method: 'POST',
      url: `/api/strategies/${c.plan.s.id}/periods`,
      body: {
        kind: 'quarterly',
        label: `Q-${++seq}`,
        startsOn: '2025-01-01',
        endsOn: '2025-03-31',
        dueOn: '2025-04-15',
      },
    }),
  },
  {
    route: 'POST /api/strategies/:strategyId/periods/calendar',
    name: 'generate calendar',
    expect: { own: SEC_ONLY(200) },
    request: (c) => ({
      method: 'POST',
      url: `/api/strategies/${c.plan.s.id}/periods/calendar`,
      body: { year: 2026 },
    }),
  },
  {
    route: 'GET /api/periods/:id',
    name: 'read period',
    expect: { own: everyone(200) },
    request: (c) => ({ method: 'GET', url: `/api/periods/${c.plan.period.id}` }),
  },
  {
    route: 'POST /api/periods/:id/state',
    name: 'open period',
    expect: { own: SEC_ONLY(200) },
    request: async (c) => ({
      method: 'POST',
      url: `/api/periods/${(await c.plan.newPeriod('quarterly', 'planned')).id}/state`,
      body: { state: 'open' },
    }),
  },
  {
    route: 'GET /api/periods/:id/exceptions',
    name: 'list late exceptions',
    expect: { own: SEC_ONLY(200) },
    request: (c) => ({ method: 'GET', url: `/api/periods/${c.plan.period.id}/exceptions` }),
  },
  {
    route: 'POST /api/periods/:id/exceptions',
    name: 'grant late exception',
    expect: { own: SEC_ONLY(201), other: SEC_ONLY(201) },
    request: async (c) => ({
      method: 'POST',
      url: `/api/periods/${(await c.plan.newPeriod('quarterly', 'closed')).id}/exceptions`,
      body: { orgId: c.org[c.side].id, reason: 'x', until: '2099-01-01' },
    }),
  },
  {
    route: 'POST /api/periods/:id/publish',
    name: 'publish locked period',
    expect: { own: SEC_ONLY(200) },
    request: async (c) => ({
      method: 'POST',
      url: `/api/periods/${(await c.plan.newPeriod('quarterly', 'locked')).id}/publish`,
    }),
  },
  {
    route: 'GET /api/measures/:id/reports',
    name: 'measure reports',
    expect: READ,
    request: (c) => ({ method: 'GET', url: `/api/measures/${c.plan.reports[c.side].measure.id}/reports` }),
  },
  {
    route: 'GET /api/measures/:measureId/periods/:periodId/report',
    name: 'read report',
    expect: READ,
    request: (c) => ({
      method: 'GET',
      url: `/api/measures/${c.plan.reports[c.side].measure.id}/periods/${c.plan.period.id}/report`,
    }),
  },
  {
    route: 'PUT /api/measures/:measureId/periods/:periodId/report',
    name: 'write report',
    expect: EDIT,
    request: async (c) => {
      const m = await c.plan.measure(c.side)
      return {
        method: 'PUT',
        url: `/api/measures/${m.id}/periods/${c.plan.period.id}/report`,
        body: { workDone: 'x', revision: 0 },
      }
    },
  },
  {
    route: 'POST /api/reports/:id/evidence',
    name: 'add evidence',
    expect: EDIT,
    request: async (c) => ({
      method: 'POST',
      url: `/api/reports/${(await c.plan.draftOf(c.side)).report.id}/evidence`,
      body: { kind: 'legal_act', title: 'Qərar', actType: 'Qərar', actNumber: '1', actDate: '2024-01-01' },
    }),
  },
  {
    route: 'DELETE /api/reports/:id/evidence/:evidenceId',
    name: 'remove evidence',
    expect: EDIT,
    request: async (c) => {
      const w = await c.plan.withEvidence(c.side)
      return { method: 'DELETE', url: `/api/reports/${w.report.id}/evidence/${w.evidenceId}` }
    },
  },
  {
    route: 'POST /api/reports/:id/submit',
    name: 'submit report',
    expect: { own: '404 403 403 403 403 403 200 403 404', other: '404 403 403 403 404 404 404 403 404' },
    request: async (c) => ({
      method: 'POST',
      url: `/api/reports/${(await c.plan.draftOf(c.side)).report.id}/submit`,
    }),
  },
  {
    route: 'POST /api/reports/:id/return',
    name: 'return report',
    expect: { own: '404 200 403 403 403 403 403 403 404', other: '404 200 403 403 404 404 404 403 404' },
    request: async (c) => ({
      method: 'POST',
      url: `/api/reports/${(await c.plan.submitted(c.side)).report.id}/return`,
      body: { comment: 'Düzəldin' },
    }),
  },
  {
    route: 'POST /api/reports/:id/accept',
    name: 'accept report',
    expect: { own: '404 200 403 403 403 403 403 403 404', other: '404 200 403 403 404 404 404 403 404' },
    request: async (c) => ({
      method: 'POST',
      url: `/api/reports/${(await c.plan.submitted(c.side)).report.id}/accept`,
      body: {},
    }),
  },
  {
    route: 'GET /api/reports/:id/revisions',
    name: 'report revisions',
    expect: READ,
    request: (c) => ({ method: 'GET', url: `/api/reports/${c.plan.reports[c.side].report.id}/revisions` }),
  },
  {
    route: 'GET /api/reports/:id/diff',
    name: 'report diff',
    expect: READ,
    request: (c) => ({
      method: 'GET',
      url: `/api/reports/${c.plan.reports[c.side].report.id}/diff?from=1&to=1`,
    }),
  },
  {
    route: 'GET /api/measures/:measureId/periods/:periodId/contributions',
    name: 'list contributions',
    expect: READ,
    request: (c) => ({
      method: 'GET',
      url: `/api/measures/${c.plan.reports[c.side].measure.id}/periods/${c.plan.period.id}/contributions`,
    }),
  },
  {
    route: 'PUT /api/measures/:measureId/periods/:periodId/contribution',
    name: 'file contribution as co-executor',
    // "own": a measure led by OTHER with OWN as co-executor; "other": led by OWN, OTHER co-executes.
    expect: { own: '403 403 403 403 403 200 200 403 403', other: everyone(403) },
    request: (c) => ({
      method: 'PUT',
      url: `/api/measures/${c.plan.measures[c.side === 'own' ? 'other' : 'own'].id}/periods/${c.plan.period.id}/contribution`,
      body: { text: 'Töhfə' },
    }),
  },
  {
    route: 'POST /api/contributions/:id/evidence',
    name: 'contribution evidence',
    expect: { own: '404 404 404 404 404 200 200 404 404', other: everyone(404) },
    request: (c) => ({
      method: 'POST',
      url: `/api/contributions/${c.plan.contributions[c.side].id}/evidence`,
      body: { kind: 'link', title: 'Arayış', url: 'https://example.gov.az/c' },
    }),
  },
  {
    route: 'PUT /api/measures/:measureId/periods/:periodId/evaluation',
    name: 'evaluate',
    expect: { own: '403 403 200 403 403 403 403 403 403', other: '403 403 200 403 403 403 403 403 403' },
    request: (c) => ({
      method: 'PUT',
      url: `/api/measures/${c.plan.measures[c.side].id}/periods/${c.plan.period.id}/evaluation`,
      body: { completion: 'limited', comment: 'Az irəliləyiş' },
    }),
  },
  {
    route: 'GET /api/measures/:id/evaluations',
    name: 'measure evaluations',
    expect: { own: everyone(200), other: everyone(200) },
    request: (c) => ({ method: 'GET', url: `/api/measures/${c.plan.measures[c.side].id}/evaluations` }),
  },
  {
    route: 'GET /api/strategies/:strategyId/overview',
    name: 'strategy overview',
    expect: { own: everyone(200) },
    request: (c) => ({ method: 'GET', url: `/api/strategies/${c.plan.s.id}/overview` }),
  },
  {
    route: 'GET /api/strategies/:strategyId/organisations/:orgId/overview',
    name: 'organisation overview',
    expect: { own: '404 200 200 200 200 200 200 200 404', other: '404 200 200 200 404 404 404 200 404' },
    request: (c) => ({
      method: 'GET',
      url: `/api/strategies/${c.plan.s.id}/organisations/${c.org[c.side].id}/overview`,
    }),
  },
  {
    route: 'GET /api/strategies/:strategyId/reports/annual',
    name: 'annual report to the President',
    expect: { own: '403 200 200 200 403 403 403 200 403' },
    request: (c) => ({
      method: 'GET',
      url: `/api/strategies/${c.plan.s.id}/reports/annual?year=2024&format=docx`,
    }),
  },
  {
    route: 'GET /api/strategies/:strategyId/reports/half-year',
    name: 'half-year working-group report',
    expect: { own: '403 200 200 200 403 403 403 200 403' },
    request: async (c) => {
      const p = (await c.t.services.reporting.periods(c.plan.actor, c.plan.s.id)).find(
        (x) => x.kind === 'semiannual',
      )
      return {
        method: 'GET',
        url: `/api/strategies/${c.plan.s.id}/reports/half-year?periodId=${p?.id}&format=docx`,
      }
    },
  },
  {
    route: 'GET /api/periods/:id/measures.xlsx',
    name: 'period measures workbook',
    expect: { own: '403 200 200 200 403 403 403 200 403' },
    request: (c) => ({ method: 'GET', url: `/api/periods/${c.plan.period.id}/measures.xlsx` }),
  },
  {
    route: 'GET /api/public/strategies',
    name: 'public strategies',
    expect: { own: everyone(200) },
    request: () => ({ method: 'GET', url: '/api/public/strategies' }),
  },
  {
    route: 'GET /api/public/strategies/:strategyId/results',
    name: 'public results',
    expect: { own: everyone(200) },
    request: (c) => ({ method: 'GET', url: `/api/public/strategies/${c.plan.s.id}/results` }),
  },
  {
    route: 'GET /api/search',
    name: 'search',
    expect: { own: everyone(200) },
    request: () => ({ method: 'GET', url: '/api/search?q=tədbir' }),
  },
  {
    route: 'GET /api/strategies/:strategyId/plan/template.xlsx',
    name: 'plan import template',
    expect: { own: SEC_ONLY(200) },
    request: (c) => ({ method: 'GET', url: `/api/strategies/${c.plan.s.id}/plan/template.xlsx` }),
  },
  {
    route: 'GET /api/strategies/:strategyId/plan/export.xlsx',
    name: 'plan export',
    expect: { own: SEC_ONLY(200) },
    request: (c) => ({ method: 'GET', url: `/api/strategies/${c.plan.s.id}/plan/export.xlsx` }),
  },
  {
    route: 'GET /api/strategies/:strategyId/measures/export.xlsx',
    name: 'measure list export',
    expect: { own: everyone(200) },
    request: (c) => ({ method: 'GET', url: `/api/strategies/${c.plan.s.id}/measures/export.xlsx` }),
  },
  {
    route: 'POST /api/strategies/:strategyId/plan/import',
    name: 'import plan (dry run)',
    expect: { own: SEC_ONLY(200) },
    request: async (c) => ({
      method: 'POST',
      url: `/api/strategies/${(await c.plan.newStrategy()).id}/plan/import?dryRun=true`,
      upload: { name: 'plan.xlsx', content: c.plan.template },
    }),
  },
]
