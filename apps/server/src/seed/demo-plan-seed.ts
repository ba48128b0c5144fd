import { CalendarSchema, type RoleGrant } from '@qalxan/contracts'
import { and, eq, isNull } from 'drizzle-orm'
import type { Services } from '../app.ts'
import { roleGrants, user } from '../db/schema/index.ts'
import { createAccessPolicy } from '../modules/access/access.policy.ts'
import type { Actor } from '../modules/access/actor.ts'
import { createAuditService } from '../modules/audit/audit.service.ts'
import { createEvaluationService } from '../modules/evaluation/evaluation.service.ts'
import { createReportingService } from '../modules/reporting/reporting.service.ts'
import { createStrategyService } from '../modules/strategy/strategy.service.ts'
import type { Database } from '../platform/db.ts'
import {
  DEMO_DIRECTIONS,
  DEMO_GOALS,
  DEMO_HISTORY,
  DEMO_INDICATORS,
  DEMO_MEASURES,
  DEMO_STRATEGY,
} from './demo-plan.ts'

const DAY = 86_400_000
const at = (iso: string, plusDays = 0, hour = 10) =>
  new Date(Date.parse(`${iso}T${String(hour).padStart(2, '0')}:00:00Z`) + plusDays * DAY)

/** The lead executor's people: its focal point writes, its head submits. */
const LEADS: Record<string, { focal: string; head: string }> = {
  NK: { focal: 'focal.nk@qalxan.local', head: 'head.nk@qalxan.local' },
  XRITDX: { focal: 'focal.xritdx@qalxan.local', head: 'head.xritdx@qalxan.local' },
  RINN: { focal: 'focal.rinn@qalxan.local', head: 'head.rinn@qalxan.local' },
  DTX: { focal: 'focal.dtx@qalxan.local', head: 'head.dtx@qalxan.local' },
  ASAN: { focal: 'focal.asan@qalxan.local', head: 'head.asan@qalxan.local' },
  ETN: { focal: 'focal.etn@qalxan.local', head: 'head.etn@qalxan.local' },
}

/** Where each period ends up; the last is the current working period. */
const PERIODS: { label: string; history: number; end: 'locked' | 'published' | 'closed' | 'open' }[] = [
  { label: '2024-H1', history: 0, end: 'published' },
  { label: '2024-H2', history: 1, end: 'published' },
  // The annual report with supporting documents repeats the second half-year's consolidated one.
  { label: '2024', history: 1, end: 'published' },
  { label: '2025-H1', history: 2, end: 'published' },
  { label: '2025-H2', history: 3, end: 'locked' },
  { label: '2025', history: 3, end: 'locked' },
  { label: '2026-H1', history: 4, end: 'closed' },
  { label: '2026-H2', history: 5, end: 'open' },
]

/** Loads a demo person as the services see them (grants and clearance), once per address. */
export const demoActors = (database: Database) => {
  const actors = new Map<string, Actor>()
  return async (email: string): Promise<Actor> => {
    const cached = actors.get(email)
    if (cached) return cached
    const [u] = await database.db.select().from(user).where(eq(user.email, email))
    if (!u) throw new Error(`demo user ${email} is missing`)
    const grants = await database.db
      .select({ role: roleGrants.role, orgId: roleGrants.orgId })
      .from(roleGrants)
      .where(and(eq(roleGrants.userId, u.id), isNull(roleGrants.revokedAt)))
    const a: Actor = {
      userId: u.id,
      orgId: grants[0]?.orgId ?? null,
      grants: grants as RoleGrant[],
      clearance: u.clearance as Actor['clearance'],
      sessionId: null,
      authMethod: 'session',
      scopes: ['read', 'write'],
      mfaAt: null,
      requestId: null,
      ip: null,
    }
    actors.set(email, a)
    return a
  }
}

/**
 * Loads the demo Strategy and its history through the services, as the people of the demo would
 * have done it, on a clock that walks from 2023 to now: every step is checked by the same rules
 * and recorded in the audit trail with its date.
 */
export const seedDemoPlan = async (
  database: Database,
  services: Pick<Services, 'notifications' | 'outbox'>,
  publicUrl: string,
) => {
  let now = at('2023-11-22')
  const clock = { now: () => now }
  const audit = createAuditService({ database, clock })
  const policy = createAccessPolicy({ now: clock.now, onDenied: async () => {} })
  const strategy = createStrategyService({ database, clock, audit, policy })
  const reporting = createReportingService({
    database,
    clock,
    audit,
    policy,
    strategy,
    notifyAll: services.notifications.notifyAll,
    outbox: services.outbox,
    publicUrl,
  })
  const evaluation = createEvaluationService({ database, clock, audit, policy, strategy })

  const actor = demoActors(database)
  const sec = await actor('secretariat@qalxan.local')
  const evaluator = await actor('evaluator@qalxan.local')

  // The plan, as approved.
  const s = await strategy.createStrategy(sec, DEMO_STRATEGY)
  const dirIds = new Map<string, string>()
  for (const d of DEMO_DIRECTIONS) dirIds.set(d.code, (await strategy.createDirection(sec, s.id, d)).id)
  for (const g of DEMO_GOALS)
    await strategy.createGoal(sec, s.id, {
      directionId: dirIds.get(g.direction) as string,
      code: g.code,
      title: g.title,
    })
  const measureIds = new Map<string, string>()
  for (const m of DEMO_MEASURES) measureIds.set(m.code, (await strategy.createMeasure(sec, s.id, m)).id)
  for (const i of DEMO_INDICATORS) {
    const { values, ...input } = i
    const made = await strategy.addIndicator(sec, s.id, input)
    for (const v of values) await strategy.recordIndicatorValue(sec, s.id, made.id, v)
  }
  now = at('2024-01-12')
  await strategy.approveBaseline(
    sec,
    s.id,
    'Fəaliyyət Planı Prezidentin 28 avqust 2023-cü il tarixli 4060 nömrəli Sərəncamı ilə təsdiq edilib',
  )

  const m811 = measureIds.get('8.1.1') as string
  const ms = await strategy.addMilestone(sec, m811, {
    title: { az: 'Qaydanın layihəsi', en: 'Draft procedure', ru: 'Проект порядка' },
    plannedDate: '2024-06-30',
    actualDate: null,
    stage: 'draft',
    actType: null,
    actNumber: null,
    actDate: null,
  })
  now = at('2024-09-10')
  await strategy.updateMilestone(sec, ms.id, { plannedDate: '2024-10-31', stage: 'submitted' })

  // One change of the plan, decided by the Commission.
  now = at('2025-02-03')
  const cr = await strategy.proposeChange(sec, {
    measureId: measureIds.get('8.1.2') as string,
    kind: 'deadline',
    proposed: { deadline: '2023-2025' },
    justification: 'Məlumat mübadiləsinin hüquqi əsaslarının razılaşdırılması üçün əlavə vaxt tələb olunur.',
  })
  now = at('2025-02-14')
  await strategy.decideChange(sec, cr.id, {
    approve: true,
    decision: {
      body: 'İnformasiya Təhlükəsizliyi üzrə Koordinasiya Komissiyası',
      number: '2/2025',
      date: '2025-02-14',
    },
  })

  // The reporting calendar: semi-annual consolidated reports and the annual report by 20 January.
  for (const year of [2024, 2025, 2026]) {
    now = at(`${year}-01-05`)
    await reporting.generateCalendar(
      sec,
      s.id,
      year,
      CalendarSchema.parse({ kinds: ['semiannual', 'annual'] }),
    )
  }
  const periods = await reporting.periods(sec, s.id)

  const realNow = Date.now()
  for (const sem of PERIODS) {
    const idx = sem.history
    const p = periods.find((x) => x.label === sem.label)
    if (!p) throw new Error(`period ${sem.label} is missing`)
    // The current period's work happened in the last weeks, not at its (future) end.
    const day = (iso: string, plus: number) =>
      sem.end === 'open' ? new Date(realNow - (30 - Math.min(plus, 25)) * DAY) : at(iso, plus)
    now = day(p.endsOn, -20)
    await reporting.movePeriod(sec, p.id, 'open')
    // A co-executor's contribution to the first measure in every period it is reported in.
    if (DEMO_HISTORY['8.1.1']?.[idx]) {
      now = day(p.endsOn, -5)
      await reporting.saveContribution(await actor('focal.xritdx@qalxan.local'), m811, p.id, {
        text: 'XRİTDX risk kateqoriyaları üzrə təkliflərini təqdim edib.',
        submit: true,
      })
    }
    let n = 0
    for (const m of DEMO_MEASURES) {
      const st = DEMO_HISTORY[m.code]?.[idx]
      if (!st) continue
      const lead = LEADS[m.leadExecutors[0] as string]
      if (!lead) continue
      const mid = measureIds.get(m.code) as string
      n++
      now = day(p.endsOn, n % 9)
      const focal = await actor(lead.focal)
      const draft = await reporting.saveDraft(focal, mid, p.id, {
        reportedStatus: st.status,
        progress: st.progress,
        workDone: st.work,
        problems: st.problems ?? '',
        nextSteps: '',
        revision: 0,
      })
      if (st.until === 'draft') continue
      now = day(p.endsOn, (n % 9) + 2)
      const head = await actor(lead.head)
      await reporting.addEvidence(focal, draft.id, {
        kind: 'link',
        title: 'Görülmüş işlər barədə arayış',
        url: `https://example.gov.az/hesabat/${m.code}/${p.label}`,
      })
      await reporting.act(head, draft.id, 'submit')
      if (st.until === 'submitted') continue
      now = day(p.dueOn, 12)
      if (st.until === 'returned') {
        await reporting.act(
          sec,
          draft.id,
          'return',
          'Görülmüş işləri təsdiq edən sənədi sübut kimi əlavə edin.',
        )
        continue
      }
      await reporting.act(sec, draft.id, 'accept')
      if (st.completion) {
        now = day(p.dueOn, 18)
        const pe = await reporting.period(sec, p.id)
        if (pe.state === 'open' || pe.state === 'closed')
          await evaluation.evaluate(evaluator, mid, p.id, {
            completion: st.completion,
            comment:
              st.completion === 'complete'
                ? 'Nəticə sənədlərlə təsdiq olunub.'
                : 'İrəliləyiş var, sübutlar qismən təqdim edilib.',
          })
      }
    }
    if (sem.end === 'open') continue
    now = at(p.dueOn, 25)
    await reporting.movePeriod(sec, p.id, 'closed')
    if (sem.end === 'closed') continue
    now = at(p.dueOn, 40)
    await reporting.movePeriod(sec, p.id, 'locked', evaluation.snapshotFor)
    if (sem.end === 'published') await evaluation.publish(sec, p.id)
  }
  return { strategyId: s.id }
}
