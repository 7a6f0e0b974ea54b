import { Breadcrumb, Button, Card, Descriptions, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { divisionKeys, fetchChildren, fetchDivision, type DivisionDetail, type DivisionNode } from '../../api/divisions.ts';
import { messageOf } from '../../api/form-errors.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { formatDateTime } from '../../lib/time.ts';

interface Props {
  id: number;
  /** The user's own division: ancestors above it are shown but cannot be opened (out of scope). */
  scopeDivisionId: number | null;
  onSelect: (id: number) => void;
  onAddChild: (division: DivisionDetail) => void;
  onEdit: (division: DivisionDetail) => void;
}

function Children({ division, onSelect }: { division: DivisionDetail; onSelect: (id: number) => void }) {
  const { t } = useTranslation();
  const { data, isPending } = useQuery({
    queryKey: divisionKeys.children(division.id),
    queryFn: () => fetchChildren(division.id),
    enabled: division.childCount > 0,
  });
  if (division.childCount === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('divisions.noChildren')} />;
  return (
    <Table<DivisionNode>
      data-testid="division-children"
      size="small"
      rowKey="id"
      loading={isPending}
      dataSource={data ?? []}
      pagination={(data?.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      onRow={(row) => ({ onClick: () => onSelect(row.id), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('divisions.name'), dataIndex: 'name', render: (name: string) => <Typography.Link>{name}</Typography.Link> },
        { title: t('divisions.level'), dataIndex: 'level', width: 100, render: (level: DivisionNode['level']) => t(`levels.${level}`) },
        { title: t('divisions.code'), dataIndex: 'code', width: 140, render: (code: string | null) => <span className="tx-numeric">{code ?? '—'}</span> },
        { title: t('divisions.children'), dataIndex: 'childCount', width: 100, align: 'right', render: (count: number) => <span className="tx-numeric">{count}</span> },
      ]}
    />
  );
}

/** One division: where it sits, what it is, what is below it, and what this user may do to it. */
export function DivisionDetailPanel({ id, scopeDivisionId, onSelect, onAddChild, onEdit }: Props) {
  const { t } = useTranslation();
  const { data: division, isPending, error, refetch } = useQuery({ queryKey: divisionKeys.detail(id), queryFn: () => fetchDivision(id) });

  if (isPending) return <Card><PageLoading /></Card>;
  if (error || !division) return <Card><LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} /></Card>;

  const firstInScope = scopeDivisionId === null ? 0 : division.ancestors.findIndex((ancestor) => ancestor.id === scopeDivisionId);
  const crumbs = [
    ...division.ancestors.map((ancestor, index) => ({
      title:
        firstInScope >= 0 && index >= firstInScope ? (
          <Typography.Link onClick={() => onSelect(ancestor.id)}>{ancestor.name}</Typography.Link>
        ) : (
          ancestor.name
        ),
    })),
    { title: division.name },
  ];
  const parent = division.ancestors.at(-1);

  return (
    <Card
      data-testid="division-detail"
      title={
        <Space>
          <span>{division.name}</span>
          <Tag color="blue">{t(`levels.${division.level}`)}</Tag>
        </Space>
      }
      extra={
        <Space>
          {division.allowed.includes('create') && (
            <Button icon={<PlusOutlined />} onClick={() => onAddChild(division)} data-testid="division-add-child">
              {t('divisions.addChild')}
            </Button>
          )}
          {division.allowed.includes('update') && (
            <Button icon={<EditOutlined />} onClick={() => onEdit(division)} data-testid="division-edit">
              {t('divisions.rename')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap={20}>
        <Breadcrumb items={crumbs} data-testid="division-breadcrumb" />
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'name', label: t('divisions.name'), children: division.name },
            { key: 'level', label: t('divisions.level'), children: t(`levels.${division.level}`) },
            { key: 'code', label: t('divisions.code'), children: <span className="tx-numeric">{division.code ?? '—'}</span> },
            { key: 'parent', label: t('divisions.parent'), children: parent?.name ?? '—' },
            { key: 'children', label: t('divisions.childCount'), children: <span className="tx-numeric">{division.childCount}</span> },
            { key: 'updated', label: t('divisions.updatedAt'), children: <span className="tx-numeric">{formatDateTime(division.updatedAt)}</span> },
          ]}
        />
        <div>
          <Typography.Title level={5}>{t('divisions.children')}</Typography.Title>
          <Children division={division} onSelect={onSelect} />
        </div>
      </Flex>
    </Card>
  );
}
