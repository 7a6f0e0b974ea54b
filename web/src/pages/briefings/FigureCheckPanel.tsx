import { Alert, Button, Card, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { messageOf } from '../../api/form-errors.ts';

interface Check {
  section: string;
  raw: string;
  label: string;
  key: string;
  live: number;
  low: number;
  high: number;
  differs: boolean;
  link: string;
}

/**
 * 数字核对: each figure of the saved text against the live figure from records, flagged when it lies
 * outside the text's own rounding ("30余次" allows 30–39), with a link to the records behind it.
 */
export function FigureCheckPanel({ briefingId, revision }: { briefingId: number; revision: number }) {
  const { t } = useTranslation();
  const { data, error, isFetching, refetch } = useQuery({
    queryKey: ['briefings', 'figure-check', briefingId, revision],
    queryFn: () => api.get<{ checks: Check[] }>(`/api/briefings/${briefingId}/figure-check`),
  });
  const differing = data?.checks.filter((check) => check.differs).length ?? 0;
  return (
    <Card size="small" title={t('insight.figureCheck.title')} data-testid="figure-check" extra={<Button size="small" loading={isFetching} onClick={() => void refetch()}>{t('insight.figureCheck.recheck')}</Button>}>
      {error ? <Alert type="error" showIcon message={messageOf(error, t('common.networkError'))} /> : null}
      {data && data.checks.length === 0 ? <Alert type="info" showIcon message={t('insight.figureCheck.none')} /> : null}
      {data && data.checks.length > 0 ? (
        <>
          {differing > 0 ? <Alert type="warning" showIcon message={t('insight.figureCheck.differing', { count: differing })} style={{ marginBottom: 8 }} /> : null}
          <Table<Check>
            rowKey={(check) => `${check.section}-${check.raw}-${check.key}`}
            size="small"
            pagination={false}
            dataSource={data.checks}
            columns={[
              { title: t('insight.figureCheck.written'), dataIndex: 'raw', render: (raw: string, check) => `${check.label}${raw}` },
              { title: t('insight.figureCheck.allows'), key: 'range', render: (_: unknown, check) => (check.low === check.high ? check.low : `${check.low}–${check.high}`) },
              { title: t('insight.figureCheck.live'), dataIndex: 'live', render: (live: number, check) => <Link to={check.link}>{live}</Link> },
              { title: '', dataIndex: 'differs', width: 90, render: (differs: boolean) => (differs ? <Tag color="error">{t('insight.figureCheck.differs')}</Tag> : <Tag color="success">{t('insight.figureCheck.matches')}</Tag>) },
            ]}
          />
        </>
      ) : null}
    </Card>
  );
}
