import { useState } from 'react';
import { Badge, Button, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { MembershipRole, PersonDetail } from '@tongxin/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { messageOf } from '../../api/form-errors.ts';
import { fetchPerson, personKeys, revealPersonPhone, setPersonArchived } from '../../api/people.ts';
import { ArchiveAction } from '../../components/ArchiveAction.tsx';
import { DetailFrame } from '../../components/DetailFrame.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { LoadFailed, NotFoundPage } from '../../components/ResultPages.tsx';
import { RevealPhone } from '../../components/RevealPhone.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { PersonDrawer, type PersonDrawerTarget } from './PersonDrawer.tsx';

type PersonMembership = PersonDetail['memberships'][number];

/** One person: name, masked phone (reveal is audited), organisation, position, and every membership. */
export function PersonDetailPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = Number(useParams().id);
  const [drawer, setDrawer] = useState<PersonDrawerTarget>(null);
  const valid = Number.isInteger(id) && id > 0;
  const { data: person, isPending, error, refetch } = useQuery({ queryKey: personKeys.detail(id), queryFn: () => fetchPerson(id), enabled: valid });
  if (!valid) return <NotFoundPage />;
  if (isPending) return <PageLoading />;
  if (error || !person) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;

  return (
    <DetailFrame
      testId="person-detail"
      listPath="/people"
      listTitle={t('people.title')}
      crumb={person.name}
      title={
        <Space wrap>
          <span data-testid="person-detail-name">{person.name}</span>
          {person.roles.map((role) => (
            <Tag key={role} color={role === 'member' ? 'default' : 'gold'}>
              {t(`membershipRoles.${role}`)}
            </Tag>
          ))}
          {person.archived && <Tag>{t('registry.common.archived')}</Tag>}
        </Space>
      }
      extra={
        <Space>
          {person.allowed.includes('update') && (
            <Button icon={<EditOutlined />} onClick={() => setDrawer(person.id)} data-testid="person-detail-edit">
              {t('common.edit')}
            </Button>
          )}
          {person.allowed.includes('archive') && (
            <ArchiveAction link={false} size="middle" archived={person.archived} run={(archive) => setPersonArchived(person.id, archive, person.version)} onDone={() => queryClient.invalidateQueries({ queryKey: personKeys.all })} />
          )}
        </Space>
      }
    >
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'phone', label: t('people.phone'), children: <RevealPhone masked={person.phone} canReveal={person.allowed.includes('reveal_phone')} reveal={() => revealPersonPhone(person.id)} testId="person-phone" /> },
          { key: 'division', label: t('people.division'), children: person.divisionName },
          { key: 'organisation', label: t('people.organisation'), children: person.organisationId ? <Link to={`/organisations/${person.organisationId}`}>{person.organisationName}</Link> : '—' },
          { key: 'position', label: t('people.position'), children: person.position ?? '—' },
          { key: 'updated', label: t('registry.common.updatedAt'), children: <span className="tx-numeric">{formatDateTime(person.updatedAt)}</span> },
        ]}
      />
      <div>
        <Typography.Title level={5}>{t('people.memberships')}</Typography.Title>
        <Table<PersonMembership>
          data-testid="person-memberships"
          size="small"
          rowKey="membershipId"
          dataSource={person.memberships}
          pagination={person.memberships.length > 20 ? { pageSize: 20 } : false}
          rowClassName={(row) => (row.current ? '' : 'tx-row-muted')}
          locale={{ emptyText: t('registry.people.noMemberships') }}
          columns={[
            { title: t('registry.people.membershipOrganisation'), dataIndex: 'organisationName', render: (name: string, row) => <Link to={`/organisations/${row.organisationId}?tab=memberPeople`}>{name}</Link> },
            { title: t('memberships.role'), dataIndex: 'role', width: 110, render: (role: MembershipRole) => t(`membershipRoles.${role}`) },
            { title: t('memberships.since'), dataIndex: 'since', width: 120, render: (date: string | null) => <span className="tx-numeric">{date ?? '—'}</span> },
            { title: t('memberships.until'), dataIndex: 'until', width: 120, render: (date: string | null) => <span className="tx-numeric">{date ?? '—'}</span> },
            { title: t('registry.common.status'), dataIndex: 'current', width: 90, render: (current: boolean) => (current ? <Badge status="success" text={t('memberships.current')} /> : <Badge status="default" text={t('memberships.ended')} />) },
          ]}
        />
      </div>
      <PersonDrawer target={drawer} onClose={() => setDrawer(null)} />
    </DetailFrame>
  );
}
