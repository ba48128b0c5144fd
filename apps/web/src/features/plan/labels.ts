import type { Clearance, Executor, ExecutorRole, Measure, Milestone } from '@qalxan/contracts'
import { EXECUTOR_ROLES, MILESTONE_STAGES } from '@qalxan/contracts'
import { localized } from '../../lib/format.ts'

export const CLEARANCE_COLORS: Record<Clearance, string> = {
  public: 'green',
  internal: 'blue',
  restricted: 'red',
}

/** Executors of a measure grouped by role, in the plan's order: lead, co-executor, recommended. */
export function executorsByRole(
  executors: readonly Executor[],
): { role: ExecutorRole; executors: Executor[] }[] {
  return EXECUTOR_ROLES.map((role) => ({ role, executors: executors.filter((e) => e.role === role) })).filter(
    (g) => g.executors.length > 0,
  )
}

export const executorNames = (executors: readonly Executor[], role: ExecutorRole, lang: string): string =>
  executors
    .filter((e) => e.role === role)
    .map((e) => localized(e.name, lang))
    .join('; ')

/** The deadline as written in the plan; "ongoing" in the user's words. */
export const deadlineLabel = (value: string, ongoing: string): string =>
  value === 'ongoing' ? ongoing : value

/** The approved plan's deadline, when a change request has moved it since. */
export const revisedFrom = (m: Pick<Measure, 'deadline' | 'originalDeadline'>): string | null =>
  m.originalDeadline && m.originalDeadline !== m.deadline.value ? m.originalDeadline : null

/** Stepper position: the stage reached and those before it count as done (adopted completes all). */
export const stageStep = (stage: Milestone['stage']): number =>
  stage === null ? -1 : MILESTONE_STAGES.indexOf(stage) + 1
