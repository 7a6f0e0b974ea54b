import { useState, type ReactNode } from 'react';
import { Button, Card, Descriptions, Flex, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { MembershipRole, OrganisationDetail, RoleCounts } from '@tongxin/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { messageOf } from '../../api/form-errors.ts';
import { fetchOrganisation, organisationKeys, revealOrganisationPhone, setOrganisationArchived } from '../../api/organisations.ts';
import { ArchiveAction } from '../../components/ArchiveAction.tsx';
import { DetailFrame } from '../../components/DetailFrame.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { LoadFailed, NotFoundPage } from '../../components/ResultPages.tsx';
import { RevealPhone } from '../../components/RevealPhone.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { OrganisationDrawer, type OrganisationDrawerTarget } from './OrganisationDrawer.tsx';
import { ChildOrganisations, OrganisationPeople, OrganisationResources, OrganisationVenues } from './OrganisationLinks.tsx';
import { OrganisationMembers } from './OrganisationMembers.tsx';

/** Officers first, then council, then ordinary members. */
const roleDisplayOrder: readonly MembershipRole[] = ['president', 'vice_president', 'secretary_general', 'council', 'member'];

const tabKeys = ['memberOrganisations', 'memberPeople', 'children', 'people', 'venues', 'resources', 'memberOf'] as const;
type TabKey = (typeof tabKeys)[number];

/** "理事 34 · 会员 120": the roles that have members, highest first. */
function RoleBreakdown({ counts, testId }: { counts: RoleCounts; testId: string }) {
  const { t } = useTranslation();
  const present = roleDisplayOrder.filter((role) => counts[role] > 0);
  if (present.length === 0) return null;
  return (
    <Space size={4} wrap>
      {present.map((role) => (
        <Tag key={role} color={role === 'member' ? 'default' : 'gold'} data-testid={`${testId}-${role}`}>
          {t(`membershipRoles.${role}`)} <span className="tx-numeric">{counts[role]}</span>
        </Tag>
      ))}
    </Space>
  );
}

function LinkStats({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const { links } = organisation;
  const cell = (key: string, title: string, value: number, extra?: ReactNode) => (
    <Card size="small" style={{ minWidth: 150 }} data-testid={`organisation-stat-${key}`}>
      <Statistic title={title} value={value} />
      {extra}
    </Card>
  );
  return (
    <Flex gap={12} wrap="wrap">
      {cell('memberOrganisations', t('organisations.memberOrganisations'), links.memberOrganisations.total, <RoleBreakdown counts={links.memberOrganisations.byRole} testId="member-organisations-role" />)}
      {cell('memberPeople', t('organisations.memberPeople'), links.memberPeople.total, <RoleBreakdown counts={links.memberPeople.byRole} testId="member-people-role" />)}
      {cell('children', t('organisations.childOrganisations'), links.childOrganisations)}
      {cell('people', t('organisations.people'), links.people)}
      {cell('venues', t('organisations.venues'), links.venues)}
      {cell('resources', t('organisations.resources'), links.resources)}
    </Flex>
  );
}

/** One organisation: its record, and everything that links to it (members by role, children, people, venues, resources). */
export function OrganisationDetailPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = Number(useParams().id);
  const url = useUrlState();
  const [drawer, setDrawer] = useState<OrganisationDrawerTarget>(null);
  const valid = Number.isInteger(id) && id > 0;
  const { data: organisation, isPending, error, refetch } = useQuery({ queryKey: organisationKeys.detail(id), queryFn: () => fetchOrganisation(id), enabled: valid });
  if (!valid) return <NotFoundPage />;
  if (isPending) return <PageLoading />;
  if (error || !organisation) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;

  const tab: TabKey = (tabKeys as readonly string[]).includes(url.get('tab') ?? '') ? (url.get('tab') as TabKey) : 'memberOrganisations';
  const canManage = organisation.allowed.includes('manage_members');
  const { links } = organisation;
  const count = (label: string, value: number) => (
    <span>
      {label} <Typography.Text type="secondary" className="tx-numeric">{value}</Typography.Text>
    </span>
  );
  const tabs = [
    { key: 'memberOrganisations', label: count(t('organisations.memberOrganisations'), links.memberOrganisations.total), children: <OrganisationMembers organisationId={id} kind="organisation" canManage={canManage} /> },
    { key: 'memberPeople', label: count(t('organisations.memberPeople'), links.memberPeople.total), children: <OrganisationMembers organisationId={id} kind="person" canManage={canManage} /> },
    { key: 'children', label: count(t('organisations.childOrganisations'), links.childOrganisations), children: <ChildOrganisations organisationId={id} /> },
    { key: 'people', label: count(t('organisations.people'), links.people), children: <OrganisationPeople organisationId={id} /> },
    { key: 'venues', label: count(t('organisations.venues'), links.venues), children: <OrganisationVenues organisationId={id} /> },
    { key: 'resources', label: count(t('organisations.resources'), links.resources), children: <OrganisationResources organisationId={id} /> },
    {
      key: 'memberOf',
      label: count(t('organisations.memberOf'), links.memberOf.length),
      children: (
        <Table
          size="small"
          rowKey="membershipId"
          dataSource={links.memberOf}
          pagination={false}
          locale={{ emptyText: t('registry.organisations.noMemberOf') }}
          columns={[
            { title: t('organisations.name'), dataIndex: 'name', render: (name: string, row: { organisationId: number }) => <Link to={`/organisations/${row.organisationId}`}>{name}</Link> },
            { title: t('memberships.role'), dataIndex: 'role', width: 120, render: (role: MembershipRole) => t(`membershipRoles.${role}`) },
          ]}
        />
      ),
    },
  ];

  return (
    <DetailFrame
      testId="organisation-detail"
      listPath="/organisations"
      listTitle={t('organisations.title')}
      crumb={organisation.name}
      title={
        <Space wrap>
          <span data-testid="organisation-detail-name">{organisation.name}</span>
          <Tag color="blue">{t(`organisationTypes.${organisation.type}`)}</Tag>
          {organisation.archived && <Tag>{t('organisations.archived')}</Tag>}
        </Space>
      }
      extra={
        <Space>
          {organisation.allowed.includes('update') && (
            <Button icon={<EditOutlined />} onClick={() => setDrawer(organisation.id)} data-testid="organisation-detail-edit">
              {t('common.edit')}
            </Button>
          )}
          {organisation.allowed.includes('archive') && (
            <ArchiveAction
              link={false}
              size="middle"
              archived={organisation.archived}
              run={(archive) => setOrganisationArchived(organisation.id, archive, organisation.version)}
              onDone={() => queryClient.invalidateQueries({ queryKey: organisationKeys.all })}
              testId="organisation-detail-archive"
            />
          )}
        </Space>
      }
    >
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'division', label: t('organisations.division'), children: organisation.divisionName },
          {
            key: 'parent',
            label: t('organisations.parent'),
            children:
              organisation.ancestors.length > 0 ? (
                <Space separator="›" size={4} wrap>
                  {organisation.ancestors.map((ancestor) => (
                    <Link key={ancestor.id} to={`/organisations/${ancestor.id}`}>
                      {ancestor.name}
                    </Link>
                  ))}
                </Space>
              ) : organisation.parentId ? (
                <Link to={`/organisations/${organisation.parentId}`}>{organisation.parentName}</Link>
              ) : (
                '—'
              ),
          },
          { key: 'founded', label: t('organisations.foundedOn'), children: <span className="tx-numeric">{organisation.foundedOn ?? '—'}</span> },
          { key: 'contact', label: t('organisations.contactName'), children: organisation.contactName ?? '—' },
          {
            key: 'phone',
            label: t('organisations.contactPhone'),
            children: <RevealPhone masked={organisation.contactPhone} canReveal={organisation.allowed.includes('reveal_phone')} reveal={() => revealOrganisationPhone(organisation.id)} testId="organisation-phone" />,
          },
          { key: 'address', label: t('organisations.address'), children: organisation.address ?? '—' },
          { key: 'description', label: t('organisations.description'), span: 2, children: <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{organisation.description ?? '—'}</Typography.Paragraph> },
          { key: 'updated', label: t('registry.common.updatedAt'), children: <span className="tx-numeric">{formatDateTime(organisation.updatedAt)}</span> },
        ]}
      />
      <LinkStats organisation={organisation} />
      <Tabs activeKey={tab} onChange={(key) => url.set({ tab: key === 'memberOrganisations' ? null : key, role: null, current: null, q: null, page: null, pageSize: null })} items={tabs} destroyOnHidden />
      <OrganisationDrawer target={drawer} onClose={() => setDrawer(null)} />
    </DetailFrame>
  );
}
