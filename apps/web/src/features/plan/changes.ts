import type { ChangeProposalSchema, ChangeRequest, Measure } from '@qalxan/contracts'
import type { z } from 'zod'
import { localized } from '../../lib/format.ts'

type T = (key: string, options?: Record<string, unknown>) => string

/** The fields a change request may propose, in the order the plan shows them. */
export const CHANGE_FIELDS = [
  'deadline',
  'leadExecutors',
  'coExecutors',
  'recommended',
  'title',
  'description',
  'expectedResult',
  'outputType',
] as const
export type ChangeField = (typeof CHANGE_FIELDS)[number]

/** Which fields each kind of change may touch (the server refuses others). */
export const FIELDS_OF_KIND: Record<ChangeRequest['kind'], readonly ChangeField[]> = {
  deadline: ['deadline'],
  executor: ['leadExecutors', 'coExecutors', 'recommended'],
  scope: ['title', 'description', 'expectedResult', 'outputType'],
  cancel: [],
}

export function formatChangeValue(field: string, value: unknown, t: T, lang: string): string {
  if (value === undefined || value === null) return '—'
  if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : '—'
  if (field === 'outputType') return t(`plan.output.${String(value)}`)
  if (field === 'deadline') return value === 'ongoing' ? t('plan.deadline.ongoing') : String(value)
  if (field === 'state') return value === 'cancelled' ? t('plan.cancelled') : t('plan.active')
  if (typeof value === 'object' && 'az' in (value as object))
    return localized(value as { az: string; en?: string; ru?: string }, lang) || '—'
  return String(value)
}

export interface CompareRow {
  field: string
  label: string
  current: string
  proposed: string
  changed: boolean
}

/**
 * Current against proposed values, side by side: every field the request proposes; a cancellation
 * compares the measure's state.
 */
export function compareChange(
  cr: Pick<ChangeRequest, 'kind' | 'current' | 'proposed'>,
  t: T,
  lang: string,
): CompareRow[] {
  const proposed = cr.proposed as Record<string, unknown>
  if (cr.kind === 'cancel')
    return [
      {
        field: 'state',
        label: t('plan.changes.field.state'),
        current: formatChangeValue('state', cr.current.state ?? 'active', t, lang),
        proposed: t('plan.cancelled'),
        changed: true,
      },
    ]
  return CHANGE_FIELDS.filter((f) => proposed[f] !== undefined).map((f) => {
    const current = formatChangeValue(f, cr.current[f], t, lang)
    const next = formatChangeValue(f, proposed[f], t, lang)
    return {
      field: f,
      label: t(`plan.changes.field.${f}`),
      current,
      proposed: next,
      changed: current !== next,
    }
  })
}

/** A proposal as the form holds it (the contract's input shape). */
type Proposal = z.input<typeof ChangeProposalSchema>

const codesOf = (m: Measure, role: 'lead' | 'co' | 'recommended') =>
  m.executors.filter((e) => e.role === role).map((e) => e.code)

/** The measure's values as the form starts from them. */
export const currentProposal = (m: Measure): Required<Proposal> => ({
  deadline: m.deadline.value,
  leadExecutors: codesOf(m, 'lead'),
  coExecutors: codesOf(m, 'co'),
  recommended: codesOf(m, 'recommended'),
  title: { az: m.title.az, en: m.title.en ?? '', ru: m.title.ru ?? '' },
  description: { az: m.description.az, en: m.description.en ?? '', ru: m.description.ru ?? '' },
  expectedResult: { az: m.expectedResult.az, en: m.expectedResult.en ?? '', ru: m.expectedResult.ru ?? '' },
  outputType: m.outputType,
})

/** Only what this kind of change may touch, and only what differs from the measure now. */
export function trimProposal(
  kind: ChangeRequest['kind'],
  proposed: Proposal,
  current: Required<Proposal>,
): Proposal {
  const out: Record<string, unknown> = {}
  for (const f of FIELDS_OF_KIND[kind]) {
    const v = proposed[f]
    if (v !== undefined && JSON.stringify(v) !== JSON.stringify(current[f])) out[f] = v
  }
  return out as Proposal
}
