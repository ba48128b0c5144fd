import { describe, expect, it } from 'vitest'
import { describeDiff, formatField } from './diff.ts'

const t = (k: string) => `<${k}>`
const indicators = [{ id: 'i1', code: 'G1', name: { az: 'Pay', en: 'Share' }, unit: '%' }]

describe('report revision differences', () => {
  it('name each field in the reader language and keep the reading order', () => {
    const lines = describeDiff(
      [
        { field: 'workDone', before: '', after: 'Done a lot' },
        { field: 'progress', before: 20, after: 60 },
        { field: 'state', before: 'draft', after: 'submitted' },
        { field: 'somethingNew', before: 1, after: 2 },
      ],
      t,
    )
    expect(lines.map((l) => l.label)).toEqual([
      '<reporting.field.state>',
      '<reporting.field.progress>',
      '<reporting.field.workDone>',
      'somethingNew',
    ])
    expect(lines[0]).toMatchObject({
      before: '<reporting.state.draft>',
      after: '<reporting.state.submitted>',
      long: false,
    })
    expect(lines[1]).toMatchObject({ before: '20%', after: '60%' })
    expect(lines[2]).toMatchObject({ before: '—', after: 'Done a lot', long: true })
    expect(lines[3]).toMatchObject({ before: '1', after: '2' })
  })

  it('show indicator values by code, name and unit, and evidence one per line', () => {
    expect(formatField('indicatorValues', [{ indicatorId: 'i1', value: 38 }], t, indicators, 'en')).toBe(
      'G1 Share: 38 %',
    )
    expect(formatField('indicatorValues', [{ indicatorId: 'gone', value: 1 }], t, indicators)).toBe('gone: 1')
    expect(formatField('evidence', ['file: order.pdf (abc)', 'link: site'], t)).toBe(
      'file: order.pdf (abc)\nlink: site',
    )
    expect(formatField('evidence', [], t)).toBe('—')
    expect(formatField('reportedStatus', 'delayed', t)).toBe('<reporting.status.delayed>')
    expect(formatField('reportedStatus', null, t)).toBe('—')
  })
})
