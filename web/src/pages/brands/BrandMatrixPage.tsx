import { Breadcrumb, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { BrandMatrix } from '@tongxin/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { brandKeys, fetchBrandMatrix } from '../../api/brands.ts';
import { divisionKeys, fetchDivision } from '../../api/divisions.ts';
import { messageOf } from '../../api/form-errors.ts';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { useUrlState } from '../../lib/url-state.ts';

type Row = BrandMatrix['rows'][number];
type Column = BrandMatrix['columns'][number];

/** Where the matrix is: the top of the user's scope, then the divisions opened on the way down. */
function MatrixPath({ parent }: { parent: BrandMatrix['parent'] }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const url = useUrlState();
  const { data: detail } = useQuery({ queryKey: divisionKeys.detail(parent?.id ?? 0), queryFn: () => fetchDivision(parent!.id), enabled: parent !== null });
  const ancestors = detail?.ancestors ?? [];
  const firstInScope = me?.divisionId == null ? 0 : ancestors.findIndex((ancestor) => ancestor.id === me.divisionId);
  const open = (id: number | null) => url.set({ parentId: id });
  return (
    <Breadcrumb
      data-testid="brand-matrix-path"
      items={[
        { title: <Typography.Link onClick={() => open(null)}>{t('registry.brands.matrixTop')}</Typography.Link> },
        ...(firstInScope >= 0 ? ancestors.slice(firstInScope) : []).map((ancestor) => ({ title: <Typography.Link onClick={() => open(ancestor.id)}>{ancestor.name}</Typography.Link> })),
        ...(parent ? [{ title: parent.name }] : []),
      ]}
    />
  );
}

/** 品牌矩阵: divisions (rows) × fields of work (columns), each cell with its brands; a row opens the level below. */
export function BrandMatrixPage() {
  const { t } = useTranslation();
  const url = useUrlState();
  const parentId = url.getNumber('parentId');
  const { data, isPending, error, refetch } = useQuery({ queryKey: brandKeys.matrix(parentId), queryFn: () => fetchBrandMatrix(parentId) });

  const columns = [
    {
      title: t('registry.common.division'),
      key: 'division',
      fixed: 'left' as const,
      width: 120,
      render: (_: unknown, row: Row) =>
        row.own || row.division.level === 'village' ? (
          <Typography.Text strong={row.own}>{row.own ? t('registry.brands.ownRow', { name: row.division.name }) : row.division.name}</Typography.Text>
        ) : (
          <Typography.Link onClick={() => url.set({ parentId: row.division.id })} data-testid={`brand-matrix-open-${row.division.id}`}>
            {row.division.name}
          </Typography.Link>
        ),
    },
    ...(data?.columns ?? []).map((column: Column) => ({
      title: t(`brandFields.${column}`),
      key: column,
      width: 100,
      render: (_: unknown, row: Row) => (
        <Flex gap={4} wrap="wrap">
          {(row.cells[column] ?? []).map((brand) => (
            <Link key={brand.id} to={`/brands/${brand.id}`} title={brand.divisionName}>
              <Tag color={column === 'none' ? 'red' : 'purple'} style={{ marginInlineEnd: 0 }}>
                {brand.name}
              </Tag>
            </Link>
          ))}
        </Flex>
      ),
    })),
    { title: t('registry.brands.total'), dataIndex: 'total', key: 'total', width: 56, align: 'right' as const, render: (total: number) => <span className="tx-numeric">{total}</span> },
  ];

  return (
    <Card title={t('brands.matrix')} extra={<Link to="/brands">{t('brands.title')}</Link>}>
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('registry.brands.matrixHint')}</Typography.Text>
        {data && <MatrixPath parent={data.parent} />}
        {error ? (
          <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
        ) : (
          <Table<Row>
            data-testid="brand-matrix"
            rowKey={(row) => `${row.division.id}-${row.own}`}
            size="small"
            bordered
            loading={isPending}
            dataSource={data?.rows ?? []}
            columns={columns}
            pagination={false}
            scroll={{ x: 120 + 56 + (data?.columns.length ?? 8) * 100 }}
            rowClassName={(row) => (row.total === 0 ? 'tx-row-muted' : '')}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.brands.matrixEmpty')} /> }}
          />
        )}
      </Flex>
    </Card>
  );
}
