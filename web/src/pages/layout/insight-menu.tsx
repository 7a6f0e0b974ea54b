import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import { AimOutlined, DashboardOutlined, FileTextOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';

type MenuItem = NonNullable<MenuProps['items']>[number];
type ItemFactory = (key: string, to: string, icon: ReactNode, label: string) => MenuItem;

/** The figures part of the side menu (数据): the dashboard for everyone, briefings for the office. */
export function insightMenuItems(t: TFunction, writesBriefings: boolean, item: ItemFactory): MenuItem[] {
  return [
    item('dashboard', '/dashboard', <DashboardOutlined />, t('nav.dashboard')),
    ...(writesBriefings ? [item('briefings', '/briefings', <FileTextOutlined />, t('nav.briefings'))] : []),
    ...(writesBriefings ? [item('coverage', '/coverage', <AimOutlined />, t('insight.coverage.nav'))] : []),
  ];
}
