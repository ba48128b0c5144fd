import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import EChartsReactCore from 'echarts-for-react/esm/core'

// Only what the dashboards draw, so the chart chunk stays small.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
])

/**
 * One chart on a canvas. The figure's text alternative is the surrounding card's title and the
 * table next to it; ECharts' aria option adds a description of the series.
 */
export function Chart({ option, height = 260, label }: { option: object; height?: number; label: string }) {
  return (
    <div role="img" aria-label={label}>
      <EChartsReactCore
        echarts={echarts}
        option={option}
        notMerge
        lazyUpdate
        opts={{ renderer: 'canvas' }}
        style={{ height, width: '100%' }}
      />
    </div>
  )
}
