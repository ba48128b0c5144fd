import type { ExecutionSummary } from '@qalxan/contracts'

/**
 * The decision-execution chart, built by a pure function so it can be tested without a browser.
 * Done, reported, open and cancelled do not overlap and stack to the total; overdue counts open and
 * reported assignments past their due date, so it is drawn as its own bar beside the stack rather
 * than counted twice. Tooltips are rich text on the canvas (CSP: no inline style attributes).
 */

type T = (key: string, options?: Record<string, unknown>) => string
export type ExecutionRow = ExecutionSummary['byBody'][number] | ExecutionSummary['byOrg'][number]

export const EXECUTION_SERIES = ['done', 'reported', 'open', 'cancelled'] as const
export const EXECUTION_HEX = {
  done: '#2b8a3e',
  reported: '#f0b400',
  open: '#1864ab',
  cancelled: '#adb5bd',
  overdue: '#c92a2a',
} as const

const FONT = { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' }

/** Chart height that gives each row room for its two bars. */
export const executionChartHeight = (rows: number) => Math.max(160, rows * 44 + 64)

export function executionOption(rows: readonly ExecutionRow[], t: T) {
  // ECharts draws the first category at the bottom; the table reads top down.
  const shown = [...rows].reverse()
  const bar = (key: (typeof EXECUTION_SERIES)[number]) => ({
    type: 'bar' as const,
    name: t(`coord:assignmentState.${key}`),
    stack: 'total',
    barMaxWidth: 18,
    itemStyle: { color: EXECUTION_HEX[key] },
    emphasis: { focus: 'series' as const },
    data: shown.map((r) => r[key]),
  })
  return {
    aria: { enabled: true },
    textStyle: FONT,
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' as const },
    tooltip: {
      renderMode: 'richText' as const,
      confine: true,
      trigger: 'axis' as const,
      axisPointer: { type: 'shadow' as const },
    },
    xAxis: { type: 'value' as const, minInterval: 1 },
    yAxis: {
      type: 'category' as const,
      data: shown.map((r) => r.code),
      axisLabel: { width: 90, overflow: 'truncate' as const },
    },
    series: [
      ...EXECUTION_SERIES.map(bar),
      {
        type: 'bar' as const,
        name: t('coord:summary.overdueSeries'),
        stack: 'overdue',
        barMaxWidth: 18,
        itemStyle: { color: EXECUTION_HEX.overdue },
        data: shown.map((r) => r.overdue),
      },
    ],
  }
}
