import type { Indicator } from '@qalxan/contracts'
import { localized } from '../../lib/format.ts'

type T = (key: string, options?: Record<string, unknown>) => string

/** The fields a report revision keeps, in the order a reader compares them. */
export const REPORT_FIELDS = [
  'state',
  'reportedStatus',
  'progress',
  'workDone',
  'problems',
  'nextSteps',
  'indicatorValues',
  'evidence',
] as const
type Field = (typeof REPORT_FIELDS)[number]
const LONG: ReadonlySet<string> = new Set([
  'workDone',
  'problems',
  'nextSteps',
  'indicatorValues',
  'evidence',
])

export interface DiffLine {
  field: string
  label: string
  before: string
  after: string
  /** Shown as blocks of text rather than on one line. */
  long: boolean
}

const isField = (f: string): f is Field => (REPORT_FIELDS as readonly string[]).includes(f)

/** One snapshot value as the reader should see it. */
export function formatField(
  field: string,
  value: unknown,
  t: T,
  indicators: readonly Pick<Indicator, 'id' | 'code' | 'name' | 'unit'>[] = [],
  lang = 'az',
): string {
  if (value === null || value === undefined || value === '') return '—'
  switch (field) {
    case 'state':
      return t(`reporting.state.${String(value)}`)
    case 'reportedStatus':
      return t(`reporting.status.${String(value)}`)
    case 'progress':
      return `${Number(value)}%`
    case 'indicatorValues': {
      if (!Array.isArray(value) || value.length === 0) return '—'
      return value
        .map((v: { indicatorId?: string; value?: number }) => {
          const i = indicators.find((x) => x.id === v.indicatorId)
          const name = i ? `${i.code} ${localized(i.name, lang)}` : String(v.indicatorId ?? '?')
          return `${name}: ${v.value ?? '—'}${i?.unit ? ` ${i.unit}` : ''}`
        })
        .join('\n')
    }
    case 'evidence':
      return Array.isArray(value) && value.length > 0 ? value.map(String).join('\n') : '—'
    default:
      return typeof value === 'string' ? value : JSON.stringify(value)
  }
}

/** The changes between two revisions, each field named in the reader's language, in reading order. */
export function describeDiff(
  changes: readonly { field: string; before: unknown; after: unknown }[],
  t: T,
  indicators: readonly Pick<Indicator, 'id' | 'code' | 'name' | 'unit'>[] = [],
  lang = 'az',
): DiffLine[] {
  const rank = (f: string) => (isField(f) ? REPORT_FIELDS.indexOf(f) : REPORT_FIELDS.length)
  return [...changes]
    .sort((a, b) => rank(a.field) - rank(b.field) || a.field.localeCompare(b.field))
    .map((c) => ({
      field: c.field,
      label: isField(c.field) ? t(`reporting.field.${c.field}`) : c.field,
      before: formatField(c.field, c.before, t, indicators, lang),
      after: formatField(c.field, c.after, t, indicators, lang),
      long: LONG.has(c.field),
    }))
}
