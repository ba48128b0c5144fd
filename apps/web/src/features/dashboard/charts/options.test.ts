import type { Indicator, Overview } from '@qalxan/contracts'
import { describe, expect, it } from 'vitest'
import {
  COMPLETION_HEX,
  directionProgressOption,
  distributionOption,
  indicatorOption,
  indicatorYears,
  RAG_HEX,
} from './options.ts'

const t = (k: string) => k
const direction = (code: string, score: number | null, rag: 'red' | 'amber' | 'green' | 'none') =>
  ({
    id: code,
    code,
    title: { az: `İstiqamət ${code}` },
    score,
    rag,
    measures: 4,
    evaluated: 3,
    overdue: 1,
    atRisk: 0,
  }) as Overview['directions'][number]

describe('chart options', () => {
  it('draw progress by direction in percent, each bar in its red-amber-green colour', () => {
    const o = directionProgressOption(
      [direction('1', 0.84, 'green'), direction('2', 0.4, 'red'), direction('3', null, 'none')],
      (d) => d.title.az,
      t,
    )
    // Bars read from the top: the first direction is drawn last on a category axis.
    expect(o.yAxis.data).toEqual(['3', '2', '1'])
    const data = o.series[0]?.data ?? []
    expect(data.map((d) => d.value)).toEqual([null, 40, 84])
    expect(data.map((d) => d.itemStyle.color)).toEqual([RAG_HEX.none, RAG_HEX.red, RAG_HEX.green])
    const tip = o.series[0]?.tooltip.formatter({ dataIndex: 2 })
    expect(tip).toContain('1 İstiqamət 1')
    expect(tip).toContain('84%')
  })

  it('keep tooltips on the canvas: HTML tooltips would need inline styles the CSP refuses', () => {
    const i = { baselineYear: 2023, baseline: 10, targets: [], values: [], unit: '%' } as unknown as Indicator
    const bars = directionProgressOption([direction('1', 0.5, 'amber')], () => '<b>x</b>', t)
    for (const o of [
      bars,
      distributionOption({ complete: 1 }, ['complete'], COMPLETION_HEX, t),
      indicatorOption(i, 'x', t),
    ])
      expect(o.tooltip.renderMode).toBe('richText')
    // Rich text shows markup as text; the formatter writes plain lines.
    expect(bars.series[0]?.tooltip.formatter({ dataIndex: 0 }).split('\n')).toHaveLength(4)
  })

  it('show a distribution in the given order, leaving out empty levels', () => {
    const o = distributionOption(
      { complete: 3, limited: 0, not_started: 2, not_evaluated: 1 },
      ['not_started', 'limited', 'complete', 'not_evaluated'],
      COMPLETION_HEX,
      (k) => `L:${k}`,
    )
    expect(o.series[0]?.data).toEqual([
      { name: 'L:not_started', value: 2, itemStyle: { color: COMPLETION_HEX.not_started } },
      { name: 'L:complete', value: 3, itemStyle: { color: COMPLETION_HEX.complete } },
      { name: 'L:not_evaluated', value: 1, itemStyle: { color: COMPLETION_HEX.not_evaluated } },
    ])
  })

  it('plot an indicator against its targets over every year it covers', () => {
    const i = {
      id: 'i',
      code: 'G1',
      name: { az: 'Pay' },
      unit: '%',
      baseline: 12,
      baselineYear: 2023,
      direction: 'up',
      targets: [
        { year: 2025, value: 45 },
        { year: 2027, value: 90 },
      ],
      values: [
        { year: 2024, periodLabel: null, value: 20, source: 'report' },
        { year: 2024, periodLabel: null, value: 21, source: 'secretariat' },
      ],
    } as Indicator
    expect(indicatorYears(i)).toEqual([2023, 2024, 2025, 2026, 2027])
    const o = indicatorOption(i, 'G1 Pay', t)
    expect(o.xAxis.data).toEqual(['2023', '2024', '2025', '2026', '2027'])
    const [baseline, targets, observed] = o.series as { name: string; data: (number | null)[] }[]
    expect(baseline?.data).toEqual([12, 12, 12, 12, 12])
    expect(targets?.data).toEqual([null, null, 45, null, 90])
    // The latest value of a year wins.
    expect(observed?.data).toEqual([null, 21, null, null, null])
    expect(indicatorOption({ ...i, baseline: null }, 'x', t).series).toHaveLength(2)
    expect(indicatorYears({ baselineYear: null, targets: [], values: [] })).toEqual([])
  })
})
