import { type Clearance, clearanceAllows } from '@qalxan/contracts'
import { z } from 'zod'
import type { Clock } from '../../platform/clock.ts'
import type { Database } from '../../platform/db.ts'
import { defineJob } from '../../platform/jobs.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { EvaluationService } from '../evaluation/evaluation.service.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import type { OutboxService } from '../notifications/outbox.service.ts'
import { type NoticeEvent, sendNotices } from './reporting.notices.ts'
import { reportingRepository as repo } from './reporting.repository.ts'

const DAY = 86_400_000
/** Reminders go this many days before the due date; escalations this many days after it. */
export const REMIND_BEFORE_DAYS = [7, 1] as const
export const ESCALATE_AFTER_DAYS = [1, 14] as const

const isoDay = (d: Date) => d.toISOString().slice(0, 10)
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`)

/**
 * Reminds the lead executors' focal points before a due date and escalates to their heads and
 * the working-group chairs after it, in the portal and by e-mail. Each step runs once per period
 * (the step's key is kept on the period), so the daily job can run on several workers or be
 * repeated without sending anything twice.
 */
export const createReminders = (deps: {
  database: Database
  clock: Clock
  audit: AuditService
  evaluation: Pick<EvaluationService, 'figures'>
  notifyAll: NotificationsService['notifyAll']
  outbox: Pick<OutboxService, 'enqueueAll'>
  publicUrl: string
}) => {
  const { database, clock } = deps

  /** Each person hears only of the measures their clearance opens; nothing, if none is left. */
  const noticesFor = (
    people: { id: string; email: string; locale: string; clearance: string }[],
    e: Extract<NoticeEvent, { missing: string[] }>,
    owed: { code: string; confidentiality: Clearance }[],
    link: string,
  ) =>
    people.flatMap((person) => {
      const missing = owed
        .filter((m) => clearanceAllows(person.clearance as Clearance, m.confidentiality))
        .map((m) => m.code)
      return missing.length ? [{ person, event: { ...e, missing }, link }] : []
    })

  const run = async () => {
    const now = clock.now()
    const today = dayOf(isoDay(now))
    const done: string[] = []
    for (const p of await repo.openPeriods(database.db)) {
      const due = dayOf(p.dueOn)
      const steps = [
        ...REMIND_BEFORE_DAYS.map((d) => ({ key: `remind-${d}`, at: due - d * DAY, escalate: false })),
        ...ESCALATE_AFTER_DAYS.map((d) => ({ key: `escalate-${d}`, at: due + d * DAY, escalate: true })),
      ]
      // Only the latest step that is due: a job that was down for a week does not send a week of mail.
      const dueSteps = steps.filter((s) => s.at <= today && !p.remindersSent.includes(s.key))
      const step = dueSteps.at(-1)
      if (!step) continue
      // The steps it passes over are marked too, so they never fire late.
      const skipped = dueSteps.slice(0, -1).map((s) => s.key)
      const figures = (await deps.evaluation.figures(database.db, p.strategyId, p)).filter((f) => f.missing)
      const byOrg = new Map<
        string,
        { code: string; missing: string[]; owed: { code: string; confidentiality: Clearance }[] }
      >()
      for (const f of figures)
        for (const l of f.leads) {
          const o = byOrg.get(l.orgId) ?? { code: l.code, missing: [], owed: [] }
          o.missing.push(f.code)
          o.owed.push({ code: f.code, confidentiality: f.confidentiality })
          byOrg.set(l.orgId, o)
        }
      await database.db.transaction(async (tx) => {
        // Marking first, in the same transaction: a second worker finds the key and sends nothing.
        const fresh = await repo.markReminderSentOnce(tx, p.id, step.key, skipped)
        if (!fresh) return
        const notices: Parameters<typeof sendNotices>[2] = []
        for (const [orgId, o] of byOrg) {
          if (!step.escalate) {
            notices.push(
              ...noticesFor(
                await repo.holders(tx, [orgId], ['focal_point']),
                { kind: 'report_due_soon', period: p.label, dueOn: p.dueOn, missing: o.missing },
                o.owed,
                '/reporting',
              ),
            )
          } else {
            const heads = await repo.holders(tx, [orgId], ['head'])
            const chairs = await repo.holders(tx, null, ['wg_chair'])
            const seen = new Set<string>()
            const people = [...heads, ...chairs].filter((x) => !seen.has(x.id) && seen.add(x.id))
            notices.push(
              ...noticesFor(
                people,
                { kind: 'report_overdue', period: p.label, dueOn: p.dueOn, org: o.code, missing: o.missing },
                o.owed,
                `/dashboard`,
              ),
            )
          }
        }
        await sendNotices(deps, tx, notices)
        await deps.audit.record(tx, null, {
          action: step.escalate ? 'period.reports_escalated' : 'period.reminders_sent',
          targetType: 'reporting_period',
          targetId: p.id,
          data: { label: p.label, step: step.key, organisations: [...byOrg.values()].map((o) => o.code) },
        })
        done.push(`${p.label}:${step.key}:${byOrg.size}`)
      })
    }
    return done
  }

  const job = defineJob({
    name: 'reporting.reminders',
    version: 1,
    schema: z.object({}).passthrough(),
    // Every morning at 06:00 UTC (10:00 in Baku).
    cron: '0 6 * * *',
    handler: async () => {
      await run()
    },
  })

  return { run, job }
}
export type Reminders = ReturnType<typeof createReminders>
