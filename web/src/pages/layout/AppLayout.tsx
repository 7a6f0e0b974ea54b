import { isOffice } from '@tongxin/core';
import { useState, type ReactNode } from 'react';
import { Layout, Menu, type MenuProps } from 'antd';
import { ApartmentOutlined, AuditOutlined, HomeOutlined, SafetyOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { BrandMark } from '../../components/BrandMark.tsx';
import { AppHeader } from './AppHeader.tsx';
import { insightMenuItems } from './insight-menu.tsx';
import { judgingMenuItems } from './judging-menu.tsx';
import { publicityMenuItems } from './publicity-menu.tsx';
import { registryMenuItems } from './registry-menu.tsx';
import { requestMenuItems } from './request-menu.tsx';
import { workMenuItems } from './work-menu.tsx';
import { messagingMenuItems } from './messaging-menu.tsx';
import styles from './layout.module.css';

/** The frame of every signed-in page: side menu by right, header with who and where. */
export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: me } = useMe();
  const [collapsed, setCollapsed] = useState(false);
  if (!me) return null; // RequireAuth renders this only with a session

  const item = (key: string, to: string, icon: ReactNode, label: string) => ({
    key,
    icon,
    label: (
      <Link to={to} data-testid={`nav-${key}`}>
        {label}
      </Link>
    ),
  });
  const items: MenuProps['items'] = [
    item('home', '/', <HomeOutlined />, t('nav.home')),
    ...insightMenuItems(t, isOffice(me), item),
    item('divisions', '/divisions', <ApartmentOutlined />, t('nav.divisions')),
    ...(me.can.manageUsers ? [item('users', '/users', <TeamOutlined />, t('nav.users'))] : []),
    ...(me.can.browseAudit ? [item('audit', '/audit', <AuditOutlined />, t('nav.audit')), item('privacy', '/privacy', <SafetyOutlined />, t('nav.privacy'))] : []),
    ...registryMenuItems(t, me, item),
    ...workMenuItems(t, item),
    ...requestMenuItems(t, item),
    ...judgingMenuItems(t, item),
    ...publicityMenuItems(t, item),
    ...messagingMenuItems(t, me.roles, item),
  ];
  const selected = location.pathname.split('/')[1] || 'home';

  return (
    <Layout className={styles.shell}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={208}
        className={styles.sider}
      >
        <Link to="/" className={styles.brand}>
          <BrandMark size={30} />
          {!collapsed && (
            <span className={styles.brandText}>
              <strong>{t('app.name')}</strong>
              <small>{t('app.subtitle')}</small>
            </span>
          )}
        </Link>
        <Menu data-testid="side-menu" theme="dark" mode="inline" selectedKeys={[selected]} items={items} />
      </Layout.Sider>
      <Layout>
        <AppHeader me={me} />
        <Layout.Content className={styles.content}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
