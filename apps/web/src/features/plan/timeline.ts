import type { ChangeRequest, Evaluation, Milestone, Report } from '@qalxan/contracts'
import { localized } from '../../lib/format.ts'

export type TimelineKind = 'report' | 'evaluation' | 'milestone' | 'change'

export interface TimelineItem {
  key: string
  /** ISO date or date-time the event happened (or, for a milestone not reached yet, is planned). */
  date: string
  kind: TimelineKind
  /** Catalogue key of the line and its values; the page translates them. */
  text: string
  values: Record<string, string | number>
  /** Planned, not happened yet. */
  future: boolean
  /** Free text shown under the line (a return comment, an evaluation comment). */
  note?: string
  late?: boolean
  periodId?: string
}

/**
 * One chronology of a measure: reports (submitted, returned, accepted, or a draft being written),
 * evaluations, milestones (reached or planned) and approved plan changes.
 */
export function buildTimeline(
  input: {
    reports?: readonly Report[]
    evaluations?: readonly Evaluation[]
    milestones?: readonly Milestone[]
    changes?: readonly ChangeRequest[]
  },
  today: string,
  lang = 'az',
): TimelineItem[] {
  const items: TimelineItem[] = []
  for (const r of input.reports ?? []) {
    const base = { kind: 'report' as const, future: false, periodId: r.periodId }
    if (r.submittedAt)
      items.push({
        ...base,
        key: `r-${r.id}-s`,
        date: r.submittedAt,
        text: 'plan.timeline.submitted',
        values: { period: r.periodLabel },
        late: r.late,
      })
    if (r.reviewedAt && (r.state === 'returned' || r.state === 'accepted'))
      items.push({
        ...base,
        key: `r-${r.id}-v`,
        date: r.reviewedAt,
        text: r.state === 'accepted' ? 'plan.timeline.accepted' : 'plan.timeline.returned',
        values: { period: r.periodLabel },
        note: r.state === 'returned' ? (r.reviewComment ?? undefined) : undefined,
      })
    if (!r.submittedAt && r.id)
      items.push({
        ...base,
        key: `r-${r.id}-d`,
        date: r.updatedAt,
        text: 'plan.timeline.draft',
        values: { period: r.periodLabel },
      })
  }
  for (const e of input.evaluations ?? [])
    items.push({
      key: `e-${e.id}`,
      date: e.updatedAt,
      kind: 'evaluation',
      future: false,
      text: 'plan.timeline.evaluated',
      values: { period: e.periodLabel, completion: e.completion },
      note: e.comment || undefined,
      periodId: e.periodId,
    })
  for (const m of input.milestones ?? []) {
    const date = m.actualDate ?? m.plannedDate
    if (!date) continue
    items.push({
      key: `m-${m.id}`,
      date,
      kind: 'milestone',
      future: false,
      text: m.actualDate
        ? 'plan.timeline.milestoneDone'
        : date.slice(0, 10) < today
          ? 'plan.timeline.milestoneMissed'
          : 'plan.timeline.milestonePlanned',
      values: { title: localized(m.title, lang) },
    })
  }
  for (const c of input.changes ?? []) {
    if (c.state !== 'approved' || !c.decidedAt) continue
    items.push({
      key: `c-${c.id}`,
      date: c.decidedAt,
      kind: 'change',
      future: false,
      text: 'plan.timeline.changed',
      values: {
        kind: c.kind,
        number: c.decision?.number ?? '',
        date: c.decision?.date ?? '',
        version: c.resultingVersion ?? '',
      },
      note: c.justification || undefined,
    })
  }
  for (const i of items) if (i.date.slice(0, 10) > today) i.future = true
  return items.sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key))
}
