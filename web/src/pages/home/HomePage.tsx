import { isOffice } from '@tongxin/core';
import { Card, Col, Flex, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { ApartmentOutlined, AuditOutlined, DashboardOutlined, FileTextOutlined, RightOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { divisionKeys, searchDivisions } from '../../api/divisions.ts';
import { listUsers, userKeys } from '../../api/users.ts';

/** Counts come from the list endpoints' totals (one row each): they are already scope-limited. */
function useCounts(canCountUsers: boolean) {
  const divisions = useQuery({
    queryKey: divisionKeys.search({ pageSize: 1 }),
    queryFn: () => searchDivisions({ pageSize: 1 }),
    select: (page) => page.total,
  });
  const users = useQuery({
    queryKey: userKeys.list({ page: 1, pageSize: 1 }),
    queryFn: () => listUsers({ page: 1, pageSize: 1 }),
    select: (page) => page.total,
    enabled: canCountUsers,
  });
  return { divisions, users };
}

function CountCard({ title, value, loading, icon, to }: { title: string; value: number | undefined; loading: boolean; icon: ReactNode; to: string }) {
  return (
    <Link to={to}>
      <Card hoverable>
        <Flex align="center" justify="space-between">
          <Statistic title={title} value={value ?? '—'} loading={loading} className="tx-numeric" />
          <span style={{ fontSize: 32, color: '#1d4f91', opacity: 0.25 }}>{icon}</span>
        </Flex>
      </Card>
    </Link>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const counts = useCounts(Boolean(me?.can.manageUsers));
  if (!me) return <Skeleton active />;

  const shortcuts = [
    // The figures come first: the dashboard is what an office opens the app for (the page itself stays light).
    { to: '/dashboard', icon: <DashboardOutlined />, title: t('nav.dashboard'), hint: t('home.dashboardHint'), show: true },
    { to: '/briefings', icon: <FileTextOutlined />, title: t('nav.briefings'), hint: t('home.briefingsHint'), show: isOffice(me) },
    { to: '/divisions', icon: <ApartmentOutlined />, title: t('nav.divisions'), hint: t('home.divisionsHint'), show: true },
    { to: '/users', icon: <TeamOutlined />, title: t('nav.users'), hint: t('home.usersHint'), show: me.can.manageUsers },
    { to: '/audit', icon: <AuditOutlined />, title: t('nav.audit'), hint: t('home.auditHint'), show: me.can.browseAudit },
  ].filter((shortcut) => shortcut.show);

  return (
    <Flex vertical gap={20} data-testid="home-page">
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: me.displayName })}
        </Typography.Title>
        <Flex gap={16} wrap="wrap" align="center">
          <Typography.Text>{t('home.scope', { scope: me.divisionName ?? t('home.wholeTree') })}</Typography.Text>
          <span>
            <Typography.Text type="secondary">{t('home.rolesLabel')}</Typography.Text>
            {me.roles.map((role) => (
              <Tag key={role} color="blue">
                {t(`roles.${role}`)}
              </Tag>
            ))}
          </span>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} lg={8}>
          <CountCard
            title={t('home.divisionCount')}
            value={counts.divisions.data}
            loading={counts.divisions.isPending}
            icon={<ApartmentOutlined />}
            to="/divisions"
          />
        </Col>
        {me.can.manageUsers && (
          <Col xs={24} sm={12} lg={8}>
            <CountCard title={t('home.userCount')} value={counts.users.data} loading={counts.users.isPending} icon={<TeamOutlined />} to="/users" />
          </Col>
        )}
      </Row>
      <Card title={t('home.shortcuts')}>
        <Row gutter={[16, 16]}>
          {shortcuts.map((shortcut) => (
            <Col key={shortcut.to} xs={24} md={8}>
              <Link to={shortcut.to}>
                <Card size="small" hoverable>
                  <Flex align="center" gap={12}>
                    <span style={{ fontSize: 22, color: '#1d4f91' }}>{shortcut.icon}</span>
                    <Flex vertical style={{ flex: 1 }}>
                      <Typography.Text strong>{shortcut.title}</Typography.Text>
                      <Typography.Text type="secondary">{shortcut.hint}</Typography.Text>
                    </Flex>
                    <RightOutlined style={{ color: '#999' }} />
                  </Flex>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </Card>
    </Flex>
  );
}
