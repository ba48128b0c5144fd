import {
  CHANGE_KINDS,
  CLEARANCES,
  COMPLETIONS,
  DEADLINE_KINDS,
  EVIDENCE_KINDS,
  EXECUTOR_ROLES,
  MILESTONE_STAGES,
  OUTPUT_TYPES,
  PERIOD_KINDS,
  PERIOD_STATES,
  RAGS,
  REPORT_STATES,
  REPORTED_STATUSES,
  TIMELINESS,
} from '@qalxan/contracts'
import { describe, expect, it } from 'vitest'
import az from '../../i18n/az.json'
import en from '../../i18n/en.json'
import ru from '../../i18n/ru.json'
import { REPORT_FIELDS } from '../reporting/diff.ts'
import { CHANGE_FIELDS } from './changes.ts'

type Tree = { [k: string]: string | Tree }
const get = (tree: Tree, key: string) =>
  key.split('.').reduce<string | Tree | undefined>((d, p) => (typeof d === 'object' ? d[p] : undefined), tree)

/** Keys these pages build from values (t(`plan.output.${type}`)), which the catalogue test cannot see. */
const families: [string, readonly string[]][] = [
  ['plan.output', OUTPUT_TYPES],
  ['plan.role', EXECUTOR_ROLES],
  ['plan.stage', MILESTONE_STAGES],
  ['plan.deadline', DEADLINE_KINDS],
  ['plan.changes.kind', CHANGE_KINDS],
  ['plan.changes.state', ['proposed', 'approved', 'rejected']],
  ['plan.changes.field', [...CHANGE_FIELDS, 'state']],
  ['plan.indicator', ['up', 'down']],
  ['plan.timeline.kind', ['report', 'evaluation', 'milestone', 'change']],
  [
    'plan.timeline',
    [
      'submitted',
      'accepted',
      'returned',
      'draft',
      'evaluated',
      'milestoneDone',
      'milestoneMissed',
      'milestonePlanned',
      'changed',
    ],
  ],
  ['clearance', CLEARANCES],
  ['reporting.kind', PERIOD_KINDS],
  ['reporting.periodState', PERIOD_STATES],
  ['reporting.state', REPORT_STATES],
  ['reporting.status', REPORTED_STATUSES],
  ['reporting.field', REPORT_FIELDS],
  ['reporting.completion', [...COMPLETIONS, 'not_evaluated']],
  ['reporting.completionHint', COMPLETIONS],
  ['reporting.timeliness', TIMELINESS],
  ['reporting.rag', RAGS],
  ['reporting.evidence.kind', EVIDENCE_KINDS],
  ['reporting.contribution.state', ['draft', 'submitted']],
  [
    'reporting.revisions.actions',
    ['saved', 'evidence_added', 'evidence_removed', 'submitted', 'returned', 'accepted'],
  ],
  [
    'reporting.step',
    ['open', 'closed', 'locked', 'publish'].flatMap((s) => [s, `${s}Title`, `${s}Text`, `${s}Done`]),
  ],
  [
    'reporting.review',
    ['submit', 'return', 'accept'].flatMap((s) => [s, `${s}Title`, `${s}Text`, `${s}Done`]),
  ],
  ['dashboard.asRole', EXECUTOR_ROLES],
  ['search.kind', ['measure', 'report', 'evidence', 'comment']],
]

describe('plan, reporting and dashboard vocabularies', () => {
  it('are named in every language', () => {
    const missing: string[] = []
    for (const [lang, tree] of Object.entries({ az, en, ru }))
      for (const [prefix, values] of families)
        for (const v of values)
          if (typeof get(tree as Tree, `${prefix}.${v}`) !== 'string') missing.push(`${lang}:${prefix}.${v}`)
    expect(missing).toEqual([])
  })

  it('use the state terms in Azerbaijani', () => {
    expect(get(az as Tree, 'plan.role.lead')).toBe('Əsas icraçı')
    expect(get(az as Tree, 'plan.role.co')).toBe('Digər icraçı')
    expect(get(az as Tree, 'plan.role.recommended')).toContain('tövsiyə olunur')
    expect(get(az as Tree, 'plan.measure')).toBe('Tədbir')
    expect(get(az as Tree, 'plan.goal')).toBe('Hədəf')
    expect(get(az as Tree, 'plan.direction')).toBe('İstiqamət')
    expect(get(az as Tree, 'reporting.period')).toBe('Hesabat dövrü')
  })
})
