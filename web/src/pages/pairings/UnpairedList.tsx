import { useState } from 'react';
import { Button, Table, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { messageOf } from '../../api/form-errors.ts';
import { listUnpaired, pairingKeys, type UnpairedOrganisation } from '../../api/pairings.ts';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { PairModal } from './PairModal.tsx';

/** The organisations a programme covers that have no current pair yet; staff pair them from here. */
export function UnpairedList({ programmeId, canPair }: { programmeId: number; canPair: boolean }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pairing, setPairing] = useState<UnpairedOrganisation | null>(null);
  const { data, isPending, error, refetch } = useQuery({ queryKey: pairingKeys.unpaired(programmeId, page), queryFn: () => listUnpaired(programmeId, page), placeholderData: keepPreviousData });
  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;
  const pairColumn = {
    title: '',
    key: 'pair',
    width: 90,
    render: (_: unknown, row: UnpairedOrganisation) => (
      <Button size="small" onClick={() => setPairing(row)} data-testid={`pair-${row.id}`}>
        {t('work.pairings.pair')}
      </Button>
    ),
  };
  return (
    <>
      <Table<UnpairedOrganisation>
        data-testid="unpaired-table"
        rowKey="id"
        size="small"
        loading={isPending}
        dataSource={data?.items ?? []}
        columns={[
          { title: t('work.pairings.organisation'), dataIndex: 'name', render: (name: string, row: UnpairedOrganisation) => <Link to={`/organisations/${row.id}`}>{name}</Link> },
          { title: t('work.common.division'), dataIndex: 'divisionName', width: 160 },
          ...(canPair ? [pairColumn] : []),
        ]}
        locale={{ emptyText: <Typography.Text type="secondary">{t('work.pairings.allPaired')}</Typography.Text> }}
        pagination={{ current: page, pageSize: 10, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
      />
      <PairModal programmeId={programmeId} organisation={pairing} onClose={() => setPairing(null)} />
    </>
  );
}
