import type { Indicator, Overview, Rag } from '@qalxan/contracts'

/**
 * ECharts options for the dashboards, built by pure functions so they can be tested without a
 * browser. Tooltips render as rich text on the canvas: the HTML tooltip would write inline style
 * attributes, which the portal's CSP (style-src 'self') refuses.
 */

type T = (key: string, options?: Record<string, unknown>) => string

export const RAG_HEX: Record<Rag, string> = {
  red: '#c92a2a',
  amber: '#e67700',
  green: '#2b8a3e',
  none: '#adb5bd',
}

export const COMPLETION_HEX: Record<string, string> = {
  no_evidence: '#868e96',
  not_started: '#c92a2a',
  limited: '#e67700',
  substantial: '#f0b400',
  complete: '#2b8a3e',
  not_due: '#1098ad',
  not_evaluated: '#ced4da',
}

export const TIMELINESS_HEX: Record<string, string> = {
  not_due: '#adb5bd',
  on_track: '#1864ab',
  at_risk: '#f0b400',
  overdue: '#c92a2a',
  completed: '#2b8a3e',
  completed_late: '#e67700',
}

const FONT = { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' }
const TOOLTIP = { renderMode: 'richText' as const, confine: true }
const pct = (score: number | null) => (score === null ? null : Math.round(score * 100))

/** Progress by direction: the weighted completion in percent, each bar in its red-amber-green colour. */
export function directionProgressOption(
  directions: Overview['directions'],
  title: (d: Overview['directions'][number]) => string,
  t: T,
) {
  const rows = [...directions].reverse()
  return {
    aria: { enabled: true },
    textStyle: FONT,
    grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
    tooltip: { ...TOOLTIP, trigger: 'item' as const },
    xAxis: { type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category' as const,
      data: rows.map((d) => d.code),
      axisLabel: { width: 60, overflow: 'truncate' as const },
    },
    series: [
      {
        type: 'bar' as const,
        name: t('dashboard.progress'),
        barMaxWidth: 26,
        label: {
          show: true,
          position: 'right' as const,
          formatter: (p: { value: number | null }) => (p.value === null ? '—' : `${p.value}%`),
        },
        data: rows.map((d) => ({
          value: pct(d.score),
          name: `${d.code} ${title(d)}`,
          itemStyle: { color: RAG_HEX[d.rag] },
        })),
        tooltip: {
          formatter: (p: { dataIndex: number }) => {
            const d = rows[p.dataIndex]
            if (!d) return ''
            return [
              `${d.code} ${title(d)}`,
              `${t('dashboard.progress')}: ${d.score === null ? '—' : `${pct(d.score)}%`} (${t(`reporting.rag.${d.rag}`)})`,
              `${t('dashboard.measures')}: ${d.measures} · ${t('dashboard.evaluated')}: ${d.evaluated}`,
              `${t('reporting.timeliness.overdue')}: ${d.overdue} · ${t('reporting.timeliness.at_risk')}: ${d.atRisk}`,
            ].join('\n')
          },
        },
      },
    ],
  }
}

/** A distribution as a ring: one slice per level, in the given order, empty levels left out. */
export function distributionOption(
  counts: Record<string, number>,
  order: readonly string[],
  colors: Record<string, string>,
  label: (key: string) => string,
) {
  const data = order
    .filter((k) => (counts[k] ?? 0) > 0)
    .map((k) => ({ name: label(k), value: counts[k] ?? 0, itemStyle: { color: colors[k] ?? '#868e96' } }))
  return {
    aria: { enabled: true },
    textStyle: FONT,
    tooltip: { ...TOOLTIP, trigger: 'item' as const, formatter: '{b}: {c} ({d}%)' },
    legend: { type: 'scroll' as const, orient: 'horizontal' as const, bottom: 0, left: 'center' as const },
    series: [
      {
        type: 'pie' as const,
        radius: ['36%', '60%'],
        center: ['50%', '44%'],
        avoidLabelOverlap: true,
        label: { show: true, formatter: '{c}', fontWeight: 'bold' as const },
        labelLine: { length: 8, length2: 8 },
        data,
      },
    ],
  }
}

/** Years an indicator covers: its baseline, its targets and its observed values. */
export function indicatorYears(i: Pick<Indicator, 'baselineYear' | 'targets' | 'values'>): number[] {
  const ys = [
    ...(i.baselineYear ? [i.baselineYear] : []),
    ...i.targets.map((x) => x.year),
    ...i.values.map((x) => x.year),
  ]
  if (ys.length === 0) return []
  const out: number[] = []
  for (let y = Math.min(...ys); y <= Math.max(...ys); y++) out.push(y)
  return out
}

/** An indicator against its targets: baseline (flat, dashed), the target of each year, observed values. */
export function indicatorOption(i: Indicator, name: string, t: T) {
  const years = indicatorYears(i)
  const target = new Map(i.targets.map((x) => [x.year, x.value]))
  const observed = new Map<number, number>()
  for (const v of i.values) observed.set(v.year, v.value)
  const series: Record<string, unknown>[] = []
  if (i.baseline !== null)
    series.push({
      type: 'line',
      name: t('plan.indicator.baseline'),
      data: years.map(() => i.baseline),
      symbol: 'none',
      lineStyle: { type: 'dashed', color: '#868e96', width: 1.5 },
      itemStyle: { color: '#868e96' },
    })
  series.push({
    type: 'line',
    name: t('plan.indicator.targets'),
    data: years.map((y) => target.get(y) ?? null),
    connectNulls: true,
    symbol: 'diamond',
    symbolSize: 9,
    lineStyle: { type: 'dotted', color: '#1864ab', width: 2 },
    itemStyle: { color: '#1864ab' },
  })
  series.push({
    type: 'line',
    name: t('plan.indicator.values'),
    data: years.map((y) => observed.get(y) ?? null),
    connectNulls: true,
    symbol: 'circle',
    symbolSize: 8,
    lineStyle: { color: '#2b8a3e', width: 2.5 },
    itemStyle: { color: '#2b8a3e' },
  })
  return {
    aria: { enabled: true, label: { description: name } },
    textStyle: FONT,
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    tooltip: { ...TOOLTIP, trigger: 'axis' as const },
    legend: { top: 0 },
    xAxis: { type: 'category' as const, data: years.map(String), boundaryGap: false },
    yAxis: { type: 'value' as const, name: i.unit, nameTextStyle: { align: 'left' as const } },
    series,
  }
}
