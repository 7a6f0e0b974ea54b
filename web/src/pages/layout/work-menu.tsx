import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import { CalendarOutlined, LinkOutlined, ProjectOutlined, SolutionOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';

type MenuItem = NonNullable<MenuProps['items']>[number];
type ItemFactory = (key: string, to: string, icon: ReactNode, label: string) => MenuItem;

/** The work part of the side menu (工作): each key is the first segment of its path. */
export function workMenuItems(t: TFunction, item: ItemFactory): MenuItem[] {
  return [
    {
      type: 'group',
      key: 'work',
      label: t('work.nav.group'),
      children: [
        item('projects', '/projects', <ProjectOutlined />, t('work.nav.projects')),
        item('activities', '/activities', <CalendarOutlined />, t('work.nav.activities')),
        item('pairings', '/pairings', <LinkOutlined />, t('work.nav.pairings')),
        item('liaison', '/liaison', <SolutionOutlined />, t('work.nav.liaison')),
      ],
    },
  ];
}
