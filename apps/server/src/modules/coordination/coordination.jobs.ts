import { z } from 'zod'
import { type Clock, isoDay } from '../../platform/clock.ts'
import type { Database } from '../../platform/db.ts'
import { defineJob } from '../../platform/jobs.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { assignmentsRepository as arepo } from './assignments.repository.ts'
import { type CoordinationNoticeSender, tellPeople } from './coordination.notices.ts'
import { coordinationRepository as repo } from './coordination.repository.ts'

const DAY = 86_400_000
/** Reminders go this many days before an assignment's due date; escalations this many days after it. */
export const ASSIGNMENT_REMIND_BEFORE_DAYS = [7, 1] as const
export const ASSIGNMENT_ESCALATE_AFTER_DAYS = [1, 14] as const

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`)

/**
 * Reminds the assignee organisation (its focal points and the responsible person) before an open
 * assignment falls due, and escalates to its head and to the body's chair, deputy chair and
 * secretary after. Each step is kept on the assignment, so the daily job can run on several
 * workers or be repeated without sending anything twice; a job that was down sends only the
 * latest step that is due.
 */
export const createAssignmentReminders = (
  deps: { database: Database; clock: Clock; audit: AuditService } & CoordinationNoticeSender,
) => {
  const { database, clock } = deps

  const run = async () => {
    const today = dayOf(isoDay(clock.now()))
    const latest = Math.max(...ASSIGNMENT_ESCALATE_AFTER_DAYS)
    const from = isoDay(new Date(today - latest * DAY - 366 * DAY))
    const to = isoDay(new Date(today + Math.max(...ASSIGNMENT_REMIND_BEFORE_DAYS) * DAY))
    const done: string[] = []
    for (const r of await arepo.openDueBetween(database.db, from, to)) {
      const due = dayOf(r.a.dueOn)
      const steps = [
        ...ASSIGNMENT_REMIND_BEFORE_DAYS.map((d) => ({
          key: `remind-${d}`,
          at: due - d * DAY,
          escalate: false,
        })),
        ...ASSIGNMENT_ESCALATE_AFTER_DAYS.map((d) => ({
          key: `escalate-${d}`,
          at: due + d * DAY,
          escalate: true,
        })),
      ]
      const dueSteps = steps.filter((s) => s.at <= today && !r.a.remindersSent.includes(s.key))
      const step = dueSteps.at(-1)
      if (!step) continue
      const skipped = dueSteps.slice(0, -1).map((s) => s.key)
      await database.db.transaction(async (tx) => {
        if (!(await arepo.markSentOnce(tx, r.a.id, step.key, skipped))) return
        const link = `/coordination/assignments?focus=${r.a.id}`
        if (!step.escalate) {
          const people = [
            ...(await repo.holders(tx, [r.a.orgId], ['focal_point'])),
            ...(await repo.usersByIds(tx, r.a.responsibleUserId ? [r.a.responsibleUserId] : [])),
          ]
          await tellPeople(
            deps,
            tx,
            people,
            { kind: 'assignment_due_soon', decision: r.decisionNumber, task: r.a.task, dueOn: r.a.dueOn },
            link,
          )
        } else {
          const seats = await repo.members(tx, r.bodyId, isoDay(clock.now()))
          const managers = seats
            .filter((s) => s.m.userId && ['chair', 'deputy_chair', 'secretary'].includes(s.m.role))
            .map((s) => s.m.userId as string)
          const people = [
            ...(await repo.holders(tx, [r.a.orgId], ['head'])),
            ...(await repo.usersByIds(tx, managers)),
          ]
          await tellPeople(
            deps,
            tx,
            people,
            {
              kind: 'assignment_overdue',
              decision: r.decisionNumber,
              task: r.a.task,
              dueOn: r.a.dueOn,
              org: r.orgCode,
            },
            link,
          )
        }
        await deps.audit.record(tx, null, {
          action: step.escalate ? 'assignment.escalated' : 'assignment.reminded',
          targetType: 'assignment',
          targetId: r.a.id,
          data: { step: step.key, decision: r.decisionNumber, org: r.orgCode, dueOn: r.a.dueOn },
        })
        done.push(`${r.bodyCode}/${r.decisionNumber}/${r.orgCode}:${step.key}`)
      })
    }
    return done
  }

  const job = defineJob({
    name: 'coordination.assignment-reminders',
    version: 1,
    schema: z.object({}).passthrough(),
    // Every morning at 06:15 UTC (10:15 in Baku), after the reporting reminders.
    cron: '15 6 * * *',
    handler: async () => {
      await run()
    },
  })

  return { run, job }
}
export type AssignmentReminders = ReturnType<typeof createAssignmentReminders>
