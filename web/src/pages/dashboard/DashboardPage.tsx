import { Button, Card, Flex, Skeleton, Typography } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { dashboardKeys, fetchBreakdown, fetchDashboard } from '../../api/dashboard.ts';
import { messageOf } from '../../api/form-errors.ts';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { officeTimeZone } from '../../lib/time.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { BreakdownTable } from './BreakdownTable.tsx';
import { DashboardCharts } from './DashboardCharts.tsx';
import { DashboardFilters, presetRange } from './DashboardFilters.tsx';
import { FigureGrid } from './FigureGrid.tsx';
import { useDrill } from './drill.ts';
import { daysInPeriod } from '../../lib/applied-filters.ts';

const ymd = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 数据驾驶舱: every figure of a division subtree for a period, computed by the server from the
 * records, with comparisons, charts and the level below. Division and period live in the URL, so a
 * view can be bookmarked and Back returns to it after a drill-down.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const url = useUrlState();
  const today = dayjs().tz(officeTimeZone);
  const fallback = presetRange('thisYear', today);
  const from = ymd.test(url.get('from') ?? '') ? url.get('from')! : fallback.from;
  const to = ymd.test(url.get('to') ?? '') ? url.get('to')! : fallback.to;
  const divisionId = url.getNumber('divisionId') ?? me?.divisionId ?? undefined;
  const filters = { from, to, ...(divisionId ? { divisionId } : {}) };

  const figures = useQuery({ queryKey: dashboardKeys.figures(filters), queryFn: () => fetchDashboard(filters), placeholderData: keepPreviousData });
  const breakdown = useQuery({ queryKey: dashboardKeys.breakdown(filters), queryFn: () => fetchBreakdown(filters), placeholderData: keepPreviousData });
  const drill = useDrill({ divisionId: figures.data?.division?.id ?? divisionId ?? null, from, to });
  const data = figures.data;

  return (
    <Flex vertical gap={16} data-testid="dashboard-page">
      <Card size="small">
        <Flex justify="space-between" align="center" wrap="wrap" gap={12}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('dashboard.title')}
              {data?.division && <Typography.Text type="secondary" style={{ marginLeft: 12, fontSize: 14 }}>{data.division.name}</Typography.Text>}
            </Typography.Title>
            {data && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="dashboard-periods">
                {t('ux.dashboard.periods', { days: daysInPeriod(data.period.from, data.period.to), from: data.period.from, to: data.period.to, previousFrom: data.previousPeriod.from, previousTo: data.previousPeriod.to, lastYearFrom: data.lastYearPeriod.from, lastYearTo: data.lastYearPeriod.to, today: data.today })}
              </Typography.Text>
            )}
          </div>
          <Link to={`/briefings?create=1&divisionId=${data?.division?.id ?? ''}&from=${from}&to=${to}`}>
            <Button icon={<FileTextOutlined />} data-testid="dashboard-briefing">
              {t('dashboard.makeBriefing')}
            </Button>
          </Link>
        </Flex>
        <div style={{ marginTop: 12 }}>
          <DashboardFilters divisionId={divisionId ?? null} from={from} to={to} today={today} onChange={(changes) => url.set(changes)} />
        </div>
      </Card>
      {figures.error ? (
        <LoadFailed error={figures.error} message={messageOf(figures.error, t('common.networkError'))} onRetry={() => void figures.refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <div style={{ opacity: figures.isFetching ? 0.6 : 1, transition: 'opacity 0.2s' }} data-testid={figures.isFetching ? 'dashboard-loading' : 'dashboard-ready'}>
          <Flex vertical gap={16}>
            <FigureGrid data={data} drill={drill} />
            <DashboardCharts data={data} drill={drill} />
            <BreakdownTable data={breakdown.data} loading={breakdown.isPending} drill={drill} onOpen={(id) => url.set({ divisionId: id })} />
          </Flex>
        </div>
      )}
    </Flex>
  );
}
