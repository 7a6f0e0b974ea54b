import { useState } from 'react';
import { Button, Card, Flex, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Briefing } from '@tongxin/core/briefings/index';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { briefingKeys, listBriefings } from '../../api/briefings.ts';
import { messageOf } from '../../api/form-errors.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { readPaging, tableChange, tablePagination } from '../../lib/list-state.ts';
import { formatDateTime } from '../../lib/time.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { BriefingCreateModal } from './BriefingCreateModal.tsx';

/** 工作简报: the office's briefings, newest first; a new one is generated from a period's figures. */
export function BriefingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const url = useUrlState();
  const filters = { divisionId: url.getNumber('divisionId'), ...readPaging(url, []) };
  // The dashboard's "make a briefing" link opens the form with its division and period.
  const [creating, setCreating] = useState(url.get('create') === '1');
  const { data, isPending, isFetching, error, refetch } = useQuery({ queryKey: briefingKeys.list(filters), queryFn: () => listBriefings(filters), placeholderData: keepPreviousData });

  return (
    <Card
      title={t('briefings.title')}
      data-testid="briefings-page"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="briefing-create">
          {t('briefings.create')}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <DivisionPicker value={filters.divisionId ?? null} onChange={(divisionId) => url.set({ divisionId })} placeholder={t('work.common.allDivisions')} style={{ width: 220 }} />
        {error ? (
          <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
        ) : (
          <Table<Briefing>
            data-testid="briefing-table"
            rowKey="id"
            size="middle"
            loading={isPending || (isFetching && !data)}
            dataSource={data?.items ?? []}
            pagination={tablePagination(filters, data?.total ?? 0, t)}
            onChange={tableChange<Briefing>(url)}
            locale={{ emptyText: <Typography.Text type="secondary">{t('briefings.empty')}</Typography.Text> }}
            columns={[
              { title: t('briefings.titleColumn'), dataIndex: 'title', render: (title: string, row) => <Link to={`/briefings/${row.id}`} data-testid={`briefing-link-${row.id}`}>{title}</Link> },
              { title: t('briefings.division'), dataIndex: 'divisionName', width: 140 },
              { title: t('briefings.period'), key: 'period', width: 220, render: (_: unknown, row) => <span className="tx-numeric">{`${row.from} ~ ${row.to}`}</span> },
              { title: t('briefings.revision'), dataIndex: 'revision', width: 80, align: 'right' as const },
              { title: t('briefings.createdBy'), dataIndex: 'createdByName', width: 120, render: (name: string | null) => name ?? '—' },
              { title: t('briefings.updatedAt'), dataIndex: 'updatedAt', width: 170, render: (at: string) => formatDateTime(at) },
            ]}
          />
        )}
      </Flex>
      <BriefingCreateModal
        open={creating}
        initial={{ divisionId: url.getNumber('divisionId'), from: url.get('from'), to: url.get('to') }}
        onClose={() => {
          setCreating(false);
          url.set({ create: null, from: null, to: null }, { keepPage: true });
        }}
        onCreated={(id) => void navigate(`/briefings/${id}`)}
      />
    </Card>
  );
}
