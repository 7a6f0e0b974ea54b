import { useState } from 'react';
import { Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { pairingKinds, type PairingKind, type Programme } from '@tongxin/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { ExportButton } from '../../components/imports/ExportButton.tsx';
import { messageOf } from '../../api/form-errors.ts';
import { listProgrammes, pairingKeys, type ProgrammeFilters } from '../../api/pairings.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { ListActions } from '../../components/ListActions.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { readPaging, tableChange, tablePagination } from '../../lib/list-state.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { writesWork } from '../projects/work-shared.tsx';
import { CoverageBar } from './CoverageBar.tsx';
import { ProgrammeModal } from './ProgrammeModal.tsx';

/** 结对共建: the programmes of the subtree, each with its coverage. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const url = useUrlState();
  const { data: me } = useMe();
  const [creating, setCreating] = useState(false);
  const kind = url.get('kind');
  const filters: ProgrammeFilters = {
    q: url.get('q'),
    kind: pairingKinds.find((one) => one === kind),
    divisionId: url.getNumber('divisionId'),
    ...readPaging(url, []),
  };
  const { data, isPending, isFetching, error, refetch } = useQuery({ queryKey: pairingKeys.list(filters), queryFn: () => listProgrammes(filters), placeholderData: keepPreviousData });

  const columns = [
    {
      title: t('work.pairings.title'),
      dataIndex: 'title',
      render: (title: string, row: Programme) => (
        <Link to={`/pairings/${row.id}`} data-testid={`programme-link-${row.id}`}>
          {title}
        </Link>
      ),
    },
    { title: t('work.pairings.kind'), dataIndex: 'kind', width: 120, render: (value: PairingKind) => <Tag color="geekblue">{t(`pairingKinds.${value}`)}</Tag> },
    { title: t('work.common.division'), dataIndex: 'divisionName', width: 110 },
    { title: t('work.pairings.coverage'), key: 'coverage', width: 300, render: (_: unknown, row: Programme) => <CoverageBar coverage={row.coverage} testId={`programme-coverage-${row.id}`} /> },
    { title: t('work.pairings.deadline'), dataIndex: 'deadline', width: 120, render: (date: string) => <span className="tx-numeric">{date}</span> },
  ];

  return (
    <Card
      title={t('work.pairings.listTitle')}
      data-testid="programmes-page"
      extra={
        <ListActions
          onRefresh={() => void refetch()}
          refreshing={isFetching && !isPending}
          onCreate={writesWork(me) ? () => setCreating(true) : undefined}
          createLabel={t('work.pairings.create')}
          createTestId="programme-create"
        >
          <ExportButton entity="programme" filters={Object.fromEntries(Object.entries(filters))} />
        </ListActions>
      }
    >
      <ProgrammeModal open={creating} onClose={() => setCreating(false)} />
      <Flex vertical gap={16}>
        <Flex gap={8} wrap="wrap">
          <SearchBox data-testid="programme-filter-q" value={filters.q} onSearch={(q) => url.set({ q })} placeholder={t('work.pairings.searchPlaceholder')} style={{ width: 200 }} />
          <Select<PairingKind>
            allowClear
            placeholder={t('work.pairings.allKinds')}
            value={filters.kind}
            onChange={(next) => url.set({ kind: next ?? null })}
            options={enumOptions(t, 'pairingKinds', pairingKinds)}
            style={{ width: 150 }}
          />
          <DivisionPicker value={filters.divisionId ?? null} onChange={(divisionId) => url.set({ divisionId })} placeholder={t('work.common.allDivisions')} style={{ width: 200 }} />
          <Button onClick={url.clear}>{t('common.reset')}</Button>
        </Flex>
        {error ? (
          <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
        ) : (
          <Table<Programme>
            data-testid="programme-table"
            rowKey="id"
            size="middle"
            loading={isPending}
            dataSource={data?.items ?? []}
            columns={columns}
            scroll={{ x: 900 }}
            locale={{ emptyText: <Typography.Text type="secondary">{t('work.common.noMatch')}</Typography.Text> }}
            pagination={tablePagination(filters, data?.total ?? 0, t)}
            onChange={tableChange<Programme>(url)}
          />
        )}
      </Flex>
    </Card>
  );
}
