import { Card, Table, Typography } from 'antd';
import { type BreakdownRow, type DashboardBreakdown, type DrillFigure, type DrillInput } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/money.ts';

type Drill = (figure: DrillFigure, extra?: Partial<DrillInput>) => (() => void) | undefined;
type NumericKey = Exclude<keyof BreakdownRow, 'division'>;

/** Each column: the figure, how it is shown, and the list its cells open (null: no list). */
const columns: Array<{ key: NumericKey; figure: DrillFigure | null; format?: (v: number) => string }> = [
  { key: 'organisations', figure: 'organisations' },
  { key: 'members', figure: 'members' },
  { key: 'venues', figure: 'venues' },
  { key: 'projects', figure: 'projects' },
  { key: 'overdueProjects', figure: 'projects.overdue' },
  { key: 'activities', figure: 'activities' },
  { key: 'participants', figure: 'activities' },
  { key: 'needs', figure: 'needs' },
  { key: 'casesReceived', figure: 'cases' },
  { key: 'responseRate', figure: null, format: (v) => `${(v * 100).toFixed(1)}%` },
  { key: 'solveRate', figure: null, format: (v) => `${(v * 100).toFixed(1)}%` },
  { key: 'satisfactionRate', figure: null, format: (v) => `${(v * 100).toFixed(1)}%` },
  { key: 'receivedFen', figure: 'money', format: (v) => formatMoney(v) },
  { key: 'leadsSigned', figure: 'investment.signed' },
  { key: 'articles', figure: 'articles' },
];

interface Props {
  data: DashboardBreakdown | undefined;
  loading: boolean;
  drill: Drill;
  /** Open the dashboard of one row's division (the level below becomes the subject). */
  onOpen: (divisionId: number) => void;
}

/** The level below, one row per division, sortable by any figure; each cell opens its records. */
export function BreakdownTable({ data, loading, drill, onOpen }: Props) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('dashboard.breakdown.title')}>
      <Table<BreakdownRow>
        data-testid="breakdown-table"
        rowKey={(row) => row.division.id}
        size="small"
        loading={loading}
        dataSource={data?.rows ?? []}
        pagination={false}
        scroll={{ x: 1500 }}
        locale={{ emptyText: <Typography.Text type="secondary">{t('dashboard.breakdown.empty')}</Typography.Text> }}
        columns={[
          {
            title: t('dashboard.breakdown.division'),
            dataIndex: ['division', 'name'],
            fixed: 'left',
            width: 140,
            sorter: (a, b) => a.division.name.localeCompare(b.division.name, 'zh-CN'),
            render: (name: string, row) => (
              <Typography.Link onClick={() => onOpen(row.division.id)} data-testid={`breakdown-open-${row.division.id}`}>
                {name}
              </Typography.Link>
            ),
          },
          ...columns.map((column) => ({
            title: t(`dashboard.breakdown.${column.key}`),
            dataIndex: column.key,
            key: column.key,
            align: 'right' as const,
            width: column.key === 'receivedFen' ? 120 : 90,
            // Unknown rates (no cases) sort below every known one.
            sorter: (a: BreakdownRow, b: BreakdownRow) => ((a[column.key] as number | null) ?? -1) - ((b[column.key] as number | null) ?? -1),
            render: (value: number | null, row: BreakdownRow) => {
              if (value === null) return '—';
              const text = column.format ? column.format(value) : value.toLocaleString('en-US');
              const open = column.figure ? drill(column.figure, { divisionId: row.division.id }) : undefined;
              return open ? (
                <Typography.Link className="tx-numeric" onClick={open} data-testid={`breakdown-${column.key}-${row.division.id}`}>
                  {text}
                </Typography.Link>
              ) : (
                <span className="tx-numeric">{text}</span>
              );
            },
          })),
        ]}
      />
    </Card>
  );
}
