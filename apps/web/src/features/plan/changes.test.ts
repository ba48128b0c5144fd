import type { Measure } from '@qalxan/contracts'
import { describe, expect, it } from 'vitest'
import { compareChange, currentProposal, trimProposal } from './changes.ts'

const t = (k: string) => `<${k}>`

const measure = {
  deadline: { kind: 'year_range', value: '2023-2024', start: '2023-01-01', end: '2024-12-31' },
  executors: [
    { orgId: '1', role: 'lead', code: 'XRITDX', name: { az: 'X' } },
    { orgId: '2', role: 'co', code: 'RINN', name: { az: 'R' } },
  ],
  title: { az: 'Qayda' },
  description: { az: '' },
  expectedResult: { az: '' },
  outputType: 'normative_act',
} as unknown as Measure

describe('change requests', () => {
  it('show current and proposed values side by side, in the plan order', () => {
    const rows = compareChange(
      {
        kind: 'executor',
        current: { leadExecutors: ['XRITDX'], coExecutors: ['RINN'], deadline: '2023-2024' },
        proposed: { coExecutors: ['RINN', 'DTX'], leadExecutors: ['XRITDX'] },
      },
      t,
      'en',
    )
    expect(rows).toEqual([
      {
        field: 'leadExecutors',
        label: '<plan.changes.field.leadExecutors>',
        current: 'XRITDX',
        proposed: 'XRITDX',
        changed: false,
      },
      {
        field: 'coExecutors',
        label: '<plan.changes.field.coExecutors>',
        current: 'RINN',
        proposed: 'RINN, DTX',
        changed: true,
      },
    ])
  })

  it('name output types, ongoing deadlines and texts in the reader language', () => {
    const rows = compareChange(
      {
        kind: 'scope',
        current: { outputType: 'other', title: { az: 'Köhnə', en: 'Old' } },
        proposed: { outputType: 'training', title: { az: 'Yeni' } },
      },
      t,
      'en',
    )
    expect(rows.map((r) => [r.current, r.proposed])).toEqual([
      ['Old', 'Yeni'],
      ['<plan.output.other>', '<plan.output.training>'],
    ])
    expect(compareChange({ kind: 'cancel', current: { state: 'active' }, proposed: {} }, t, 'az')).toEqual([
      {
        field: 'state',
        label: '<plan.changes.field.state>',
        current: '<plan.active>',
        proposed: '<plan.cancelled>',
        changed: true,
      },
    ])
  })

  it('send only what the kind may change and what differs from the measure', () => {
    const current = currentProposal(measure)
    expect(current.leadExecutors).toEqual(['XRITDX'])
    expect(current.coExecutors).toEqual(['RINN'])
    const edited = { ...current, deadline: '2025', coExecutors: ['RINN', 'DTX'] }
    expect(trimProposal('deadline', edited, current)).toEqual({ deadline: '2025' })
    expect(trimProposal('executor', edited, current)).toEqual({ coExecutors: ['RINN', 'DTX'] })
    expect(trimProposal('scope', edited, current)).toEqual({})
    expect(trimProposal('cancel', edited, current)).toEqual({})
  })
})
