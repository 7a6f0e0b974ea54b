import type { Relationship } from '@tongxin/core';
import { Table, Tag, Typography } from 'antd';
import type { TablePaginationConfig, TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface Props {
  items: Relationship[];
  loading: boolean;
  pagination: TablePaginationConfig;
  onChange: TableProps<Relationship>['onChange'];
  testId: string;
  emptyText: string;
}

/** Cadre ↔ representative relationships with their last contact; due ones are flagged. */
export function RelationshipTable({ items, loading, pagination, onChange, testId, emptyText }: Props) {
  const { t } = useTranslation();
  const columns = [
    {
      title: t('work.liaison.person'),
      key: 'person',
      render: (_: unknown, row: Relationship) => (
        <Link to={`/liaison/${row.id}`} data-testid={`relationship-link-${row.id}`}>
          {row.person.name}
        </Link>
      ),
    },
    { title: t('work.liaison.organisation'), key: 'organisation', render: (_: unknown, row: Relationship) => [row.person.organisationName, row.person.position].filter(Boolean).join(' · ') || '—' },
    { title: t('work.liaison.cadre'), key: 'cadre', width: 110, render: (_: unknown, row: Relationship) => row.cadre.name },
    { title: t('work.common.division'), dataIndex: 'divisionName', width: 110 },
    { title: t('work.liaison.contactCount'), dataIndex: 'contactCount', width: 90, align: 'right' as const },
    {
      title: t('work.liaison.lastContact'),
      key: 'last',
      width: 200,
      render: (_: unknown, row: Relationship) => (
        <span>
          <span className="tx-numeric">{row.lastContactDate ?? t('work.liaison.never')}</span>{' '}
          {row.contactDue && (
            <Tag color="orange" data-testid={`relationship-due-${row.id}`}>
              {t('work.liaison.due')}
            </Tag>
          )}
        </span>
      ),
    },
  ];
  return (
    <Table<Relationship>
      data-testid={testId}
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      columns={columns}
      scroll={{ x: 900 }}
      locale={{ emptyText: <Typography.Text type="secondary">{emptyText}</Typography.Text> }}
      pagination={pagination}
      onChange={onChange}
    />
  );
}
