import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CalendarSchema,
  calendarPeriods,
  PERIOD_STATES,
  PERIOD_TRANSITIONS,
  type PeriodState,
  REPORT_ACTIONS,
  REPORT_STATES,
  type ReportContext,
  type ReportState,
  reportTransition,
} from './reporting.ts'

const ctxArb: fc.Arbitrary<ReportContext> = fc.record({
  isLeadWriter: fc.boolean(),
  isLeadHead: fc.boolean(),
  isSecretariat: fc.boolean(),
  periodState: fc.constantFrom(...PERIOD_STATES),
  hasLateException: fc.boolean(),
  complete: fc.boolean(),
  hasComment: fc.boolean(),
})
const stepArb = fc.record({ action: fc.constantFrom(...REPORT_ACTIONS), ctx: ctxArb })

describe('the measure-report workflow', () => {
  it('no sequence of actions by anyone reaches an invalid state or breaks a rule', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
        let state: ReportState = 'draft'
        let late = false
        for (const { action, ctx } of steps) {
          const r = reportTransition(state, action, ctx)
          if (!r.ok) continue
          expect(REPORT_STATES).toContain(r.state)
          // Nothing leaves "accepted"; nothing happens in a period that is not open yet.
          expect(state).not.toBe('accepted')
          expect(ctx.periodState).not.toBe('planned')
          switch (action) {
            case 'edit':
              expect(ctx.isLeadWriter).toBe(true)
              expect(r.state).toBe(state)
              expect(['draft', 'returned']).toContain(state)
              break
            case 'submit':
              expect(ctx.isLeadHead && ctx.complete).toBe(true)
              expect(['draft', 'returned']).toContain(state)
              expect(r.state).toBe('submitted')
              // After the period closed, only through an exception, and then flagged late.
              if (ctx.periodState !== 'open') expect(ctx.hasLateException && r.late).toBe(true)
              break
            case 'return':
              expect(ctx.isSecretariat && ctx.hasComment).toBe(true)
              expect([state, r.state]).toEqual(['submitted', 'returned'])
              break
            case 'accept':
              expect(ctx.isSecretariat).toBe(true)
              expect([state, r.state]).toEqual(['submitted', 'accepted'])
              break
          }
          if (ctx.periodState === 'locked') expect(ctx.hasLateException).toBe(true)
          late = late || r.late
          state = r.state
        }
        expect(REPORT_STATES).toContain(state)
        return late || true
      }),
      { numRuns: 2000 },
    )
  })

  it('lets a report go draft → submitted → returned → submitted → accepted with the right people', () => {
    const open = (p: Partial<ReportContext>): ReportContext => ({
      isLeadWriter: false,
      isLeadHead: false,
      isSecretariat: false,
      periodState: 'open',
      hasLateException: false,
      complete: true,
      hasComment: false,
      ...p,
    })
    const steps: [ReportState, (typeof REPORT_ACTIONS)[number], Partial<ReportContext>, ReportState][] = [
      ['draft', 'edit', { isLeadWriter: true }, 'draft'],
      ['draft', 'submit', { isLeadHead: true }, 'submitted'],
      ['submitted', 'return', { isSecretariat: true, hasComment: true }, 'returned'],
      ['returned', 'edit', { isLeadWriter: true }, 'returned'],
      ['returned', 'submit', { isLeadHead: true }, 'submitted'],
      ['submitted', 'accept', { isSecretariat: true }, 'accepted'],
    ]
    for (const [from, action, ctx, to] of steps)
      expect(reportTransition(from, action, open(ctx))).toMatchObject({ ok: true, state: to })
  })

  it('names the reason for each refusal', () => {
    const base: ReportContext = {
      isLeadWriter: true,
      isLeadHead: true,
      isSecretariat: false,
      periodState: 'open',
      hasLateException: false,
      complete: true,
      hasComment: false,
    }
    expect(reportTransition('draft', 'accept', { ...base, isSecretariat: true })).toMatchObject({
      ok: false,
      code: 'PRECONDITION_FAILED',
    })
    expect(reportTransition('draft', 'edit', { ...base, periodState: 'locked' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('locked'),
    })
    expect(reportTransition('draft', 'submit', { ...base, complete: false })).toMatchObject({
      code: 'VALIDATION_FAILED',
    })
    expect(reportTransition('submitted', 'return', { ...base, isSecretariat: true })).toMatchObject({
      code: 'VALIDATION_FAILED',
    })
    expect(reportTransition('draft', 'edit', { ...base, isLeadWriter: false })).toMatchObject({
      code: 'FORBIDDEN',
    })
    expect(
      reportTransition('draft', 'submit', { ...base, periodState: 'closed', hasLateException: true }),
    ).toMatchObject({
      ok: true,
      late: true,
    })
  })

  it('keeps the period lifecycle forward-only once locked', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PERIOD_STATES), { maxLength: 30 }), (wanted) => {
        let s: PeriodState = 'planned'
        let locked = false
        for (const to of wanted) {
          if (!PERIOD_TRANSITIONS[s].includes(to)) continue
          expect(locked).toBe(false)
          s = to
          locked = s === 'locked'
        }
      }),
    )
  })
})

describe('the reporting calendar', () => {
  it('makes quarterly, semi-annual and annual periods with the annual report due on 20 January', () => {
    const ps = calendarPeriods(2024, CalendarSchema.parse({}))
    expect(ps.map((p) => `${p.label}:${p.dueOn}`)).toEqual([
      '2024-Q1:2024-04-15',
      '2024-Q2:2024-07-15',
      '2024-H1:2024-07-20',
      '2024-Q3:2024-10-15',
      '2024-Q4:2025-01-15',
      '2024:2025-01-20',
      '2024-H2:2025-01-20',
    ])
    expect(ps.find((p) => p.label === '2024-Q1')).toMatchObject({
      startsOn: '2024-01-01',
      endsOn: '2024-03-31',
    })
    expect(ps.find((p) => p.label === '2024-H2')).toMatchObject({
      startsOn: '2024-07-01',
      endsOn: '2024-12-31',
    })
  })
  it('follows a configured calendar', () => {
    const ps = calendarPeriods(2025, CalendarSchema.parse({ kinds: ['semiannual'], semiannualDueDays: 31 }))
    expect(ps.map((p) => `${p.label}:${p.dueOn}`)).toEqual(['2025-H1:2025-07-31', '2025-H2:2026-01-31'])
  })
})
