import { useState } from 'react';
import { App, Button, Divider, Flex, Layout, Space, Tooltip, Typography } from 'antd';
import { ApiOutlined, EnvironmentOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { signOut, type Me } from '../../api/auth.ts';
import { forgetSession } from '../../app/session.ts';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.tsx';
import { InboxBadge } from '../inbox/InboxBadge.tsx';
import { HeaderSearch } from './HeaderSearch.tsx';
import styles from './layout.module.css';

export function AppHeader({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [leaving, setLeaving] = useState(false);

  const leave = async () => {
    setLeaving(true);
    try {
      await signOut();
    } catch {
      // The session may already be gone server-side; forgetting it here is what matters.
    }
    forgetSession();
    setLeaving(false);
    message.success(t('signIn.signedOut'));
    navigate('/sign-in', { replace: true });
  };

  const roleNames = me.roles.map((role) => t(`roles.${role}`)).join(t('common.listSeparator'));
  return (
    <Layout.Header className={styles.header}>
      <Flex align="center" justify="flex-end" gap={12} wrap="wrap" style={{ height: '100%' }}>
        <HeaderSearch />
        <Divider orientation="vertical" />
        <Space size={6} data-testid="header-division">
          <EnvironmentOutlined />
          <Typography.Text>{me.divisionName ?? t('home.wholeTree')}</Typography.Text>
        </Space>
        <Divider orientation="vertical" />
        <Tooltip title={roleNames}>
          <Space size={6} data-testid="header-user">
            <UserOutlined />
            <Typography.Text strong>{me.displayName}</Typography.Text>
          </Space>
        </Tooltip>
        <Divider orientation="vertical" />
        <InboxBadge />
        <Divider orientation="vertical" />
        <LanguageSwitch size="small" />
        <Tooltip title={t('nav.apiHint')}>
          <Button type="text" icon={<ApiOutlined />} href="/api/docs" target="_blank" rel="noopener" data-testid="api-docs-link">
            {t('nav.api')}
          </Button>
        </Tooltip>
        <Button icon={<LogoutOutlined />} onClick={() => void leave()} loading={leaving} data-testid="sign-out">
          {t('signIn.signOut')}
        </Button>
      </Flex>
    </Layout.Header>
  );
}
