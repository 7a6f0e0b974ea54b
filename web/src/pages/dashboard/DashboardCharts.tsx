import { useMemo } from 'react';
import { Card, Col, Empty, Row } from 'antd';
import type { Dashboard, DrillFigure, DrillInput } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from './EChart.tsx';

type Drill = (figure: DrillFigure, extra?: Partial<DrillInput>) => (() => void) | undefined;
type Bars = ReadonlyArray<{ key: string; count: number }>;

const palette = ['#1d4f91', '#c8102e', '#d48806', '#389e0d', '#08979c', '#722ed1', '#eb2f96', '#595959', '#7cb305', '#fa541c', '#13c2c2'];

function pie(items: Bars, label: (key: string) => string): ChartOption {
  return {
    color: palette,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { type: 'scroll', bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], top: -20, data: items.filter((i) => i.count > 0).map((i) => ({ name: label(i.key), value: i.count, key: i.key })) }],
  };
}

function bars(items: Bars, label: (key: string) => string, name: string, color = palette[0]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 30 },
    xAxis: { type: 'category', data: items.map((i) => label(i.key)), axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name, barMaxWidth: 36, itemStyle: { color }, data: items.map((i) => ({ value: i.count, key: i.key })) }],
  };
}

/** The key stored on a clicked data item (every series item carries its enum code). */
const keyOf = (data: unknown) => (data as { key?: string } | null)?.key;

function ChartCard({ title, empty, children, span = 8 }: { title: string; empty: boolean; children: React.ReactNode; span?: number }) {
  return (
    <Col xs={24} lg={span}>
      <Card size="small" title={title} style={{ height: '100%' }}>
        {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : children}
      </Card>
    </Col>
  );
}

/** Bar, line and pie charts of the figures; a click on a bar, point or slice opens its records. */
export function DashboardCharts({ data, drill }: { data: Dashboard; drill: Drill }) {
  const { t } = useTranslation();
  const options = useMemo(() => {
    const kinds = [...new Set(data.activities.byMonth.flatMap((m) => Object.keys(m.byKind)))];
    return {
      organisations: pie(data.organisations.byType, (k) => t(`organisationTypes.${k}`)),
      venues: bars(data.venues.byLevel, (k) => t(`venueLevels.${k}`), t('dashboard.figures.venues')),
      projects: bars(data.projects.byStatus, (k) => t(`projectStatuses.${k}`), t('dashboard.figures.projects'), palette[2]),
      activities: {
        color: palette,
        tooltip: { trigger: 'axis' },
        legend: { type: 'scroll', bottom: 0 },
        grid: { left: 40, right: 16, top: 16, bottom: 50 },
        xAxis: { type: 'category', data: data.activities.byMonth.map((m) => m.month) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          ...kinds.map((kind) => ({ type: 'bar', stack: 'kinds', name: t(`activityKinds.${kind}`), data: data.activities.byMonth.map((m) => ({ value: m.byKind[kind] ?? 0, key: kind, month: m.month })) })),
          { type: 'line', name: t('dashboard.total'), data: data.activities.byMonth.map((m) => ({ value: m.total, month: m.month })) },
        ],
      } satisfies ChartOption,
      pairings: {
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
        grid: { left: 140, right: 30, top: 10, bottom: 20 },
        xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        yAxis: { type: 'category', data: data.pairings.programmes.map((p) => p.title), axisLabel: { width: 130, overflow: 'truncate' } },
        series: [{ type: 'bar', barMaxWidth: 20, itemStyle: { color: palette[3] }, data: data.pairings.programmes.map((p) => ({ value: Math.round(p.ratio * 1000) / 10, key: String(p.id) })) }],
      } satisfies ChartOption,
      articles: pie(data.publicity.byLevel, (k) => t(`publicity.levels.${k}`)),
    };
  }, [data, t]);

  const open = (figure: DrillFigure, extra: Partial<DrillInput>) => drill(figure, extra)?.();
  return (
    <Row gutter={[16, 16]}>
      <ChartCard title={t('dashboard.charts.organisationsByType')} empty={data.organisations.total === 0}>
        <EChart data-testid="chart-organisations" option={options.organisations} onClick={(e) => open('organisations', { key: keyOf(e.data) })} />
      </ChartCard>
      <ChartCard title={t('dashboard.charts.venuesByLevel')} empty={data.venues.total === 0}>
        <EChart data-testid="chart-venues" option={options.venues} onClick={(e) => open('venues.level', { key: keyOf(e.data) })} />
      </ChartCard>
      <ChartCard title={t('dashboard.charts.projectsByStatus')} empty={data.projects.total === 0}>
        <EChart data-testid="chart-projects" option={options.projects} onClick={(e) => open('projects', { key: keyOf(e.data) })} />
      </ChartCard>
      <ChartCard title={t('dashboard.charts.activitiesByMonth')} empty={data.activities.total.current === 0} span={12}>
        <EChart
          data-testid="chart-activities"
          height={300}
          option={options.activities}
          onClick={(e) => open('activities', { key: keyOf(e.data), month: (e.data as { month?: string }).month })}
        />
      </ChartCard>
      <ChartCard title={t('dashboard.charts.pairingCoverage')} empty={data.pairings.programmes.length === 0} span={12}>
        <EChart data-testid="chart-pairings" height={300} option={options.pairings} onClick={(e) => open('pairings', { key: keyOf(e.data) })} />
      </ChartCard>
      <ChartCard title={t('dashboard.charts.articlesByLevel')} empty={data.publicity.articles.current === 0}>
        <EChart data-testid="chart-articles" option={options.articles} onClick={(e) => open('articles', { key: keyOf(e.data) })} />
      </ChartCard>
    </Row>
  );
}
