import { useEffect, useRef } from 'react';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only the charts and parts the dashboard draws: the full echarts bundle is ~650 kB more.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** What a click on a bar, a point or a slice reports: its category name and series. */
export interface ChartClick {
  name: string;
  seriesName?: string;
  dataIndex: number;
  data: unknown;
}

interface Props {
  option: ChartOption;
  height?: number;
  onClick?: (event: ChartClick) => void;
  'data-testid'?: string;
}

/** One ECharts chart that follows its container's width and reports clicks (for drill-down). */
export function EChart({ option, height = 260, onClick, ...rest }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current);
    chart.current = instance;
    instance.on('click', (event) => clickRef.current?.(event as unknown as ChartClick));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={element} style={{ height, width: '100%', cursor: onClick ? 'pointer' : undefined }} {...rest} />;
}
