import type { ChangeRequest, Evaluation, Milestone, Report } from '@qalxan/contracts'
import { describe, expect, it } from 'vitest'
import { buildTimeline } from './timeline.ts'

const report = (over: Partial<Report>): Report => ({
  id: 'r1',
  measureId: 'm',
  measureCode: '1.1',
  periodId: 'p1',
  periodLabel: '2025-H1',
  orgId: 'o',
  state: 'draft',
  reportedStatus: null,
  progress: null,
  workDone: '',
  problems: '',
  nextSteps: '',
  indicatorValues: [],
  evidence: [],
  revision: 1,
  late: false,
  reviewComment: null,
  submittedAt: null,
  reviewedAt: null,
  updatedAt: '2025-06-01T10:00:00Z',
  allowed: [],
  ...over,
})

const milestone = (over: Partial<Milestone>): Milestone => ({
  id: 'ms',
  measureId: 'm',
  title: { az: 'Layihə', en: 'Draft' },
  originalPlannedDate: null,
  plannedDate: null,
  actualDate: null,
  stage: null,
  actType: null,
  actNumber: null,
  actDate: null,
  position: 0,
  ...over,
})

describe('measure timeline', () => {
  it('puts reports, evaluations, milestones and approved changes in date order', () => {
    const items = buildTimeline(
      {
        reports: [
          report({
            state: 'returned',
            submittedAt: '2025-07-10T09:00:00Z',
            reviewedAt: '2025-07-12T09:00:00Z',
            reviewComment: 'Add the list',
            late: true,
          }),
        ],
        evaluations: [
          {
            id: 'e1',
            measureId: 'm',
            periodId: 'p1',
            periodLabel: '2025-H1',
            completion: 'limited',
            comment: 'Half done',
            timeliness: 'at_risk',
            evaluatorName: null,
            updatedAt: '2025-07-20T09:00:00Z',
          } satisfies Evaluation,
        ],
        milestones: [milestone({ plannedDate: '2025-03-01', actualDate: '2025-02-20' })],
        changes: [
          {
            id: 'c1',
            state: 'approved',
            kind: 'deadline',
            decidedAt: '2025-01-15T00:00:00Z',
            decision: { body: 'Commission', number: '3/2025', date: '2025-01-14' },
            resultingVersion: 2,
            justification: 'More time',
          } as ChangeRequest,
          { id: 'c2', state: 'proposed', kind: 'scope', decidedAt: null } as ChangeRequest,
        ],
      },
      '2025-12-01',
      'en',
    )
    expect(items.map((i) => i.text)).toEqual([
      'plan.timeline.changed',
      'plan.timeline.milestoneDone',
      'plan.timeline.submitted',
      'plan.timeline.returned',
      'plan.timeline.evaluated',
    ])
    expect(items[1]?.values.title).toBe('Draft')
    expect(items[2]?.late).toBe(true)
    expect(items[3]?.note).toBe('Add the list')
    expect(items[0]?.values).toMatchObject({ kind: 'deadline', number: '3/2025', version: 2 })
  })

  it('tells a milestone still ahead from one whose date has passed, and shows a draft being written', () => {
    const items = buildTimeline(
      {
        reports: [report({ id: 'r2' }), report({ id: '' })],
        milestones: [
          milestone({ id: 'a', plannedDate: '2026-05-01' }),
          milestone({ id: 'b', plannedDate: '2025-01-01' }),
        ],
      },
      '2025-12-01',
    )
    const byText = Object.fromEntries(items.map((i) => [i.text, i]))
    expect(byText['plan.timeline.milestonePlanned']?.future).toBe(true)
    expect(byText['plan.timeline.milestoneMissed']?.future).toBe(false)
    // A report nobody has saved yet (no id) is not an event.
    expect(items.filter((i) => i.text === 'plan.timeline.draft')).toHaveLength(1)
  })
})
