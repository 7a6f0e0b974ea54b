import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import { FundOutlined, HeartOutlined, StarOutlined, TrophyOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';

type MenuItem = NonNullable<MenuProps['items']>[number];
type ItemFactory = (key: string, to: string, icon: ReactNode, label: string) => MenuItem;

/** The judging and money part of the side menu (评审与资金): each key is the first segment of its path. */
export function judgingMenuItems(t: TFunction, item: ItemFactory): MenuItem[] {
  return [
    {
      type: 'group',
      key: 'judging',
      label: t('judgingWeb.nav.group'),
      children: [
        item('competitions', '/competitions', <TrophyOutlined />, t('judgingWeb.nav.competitions')),
        item('assessments', '/assessments', <StarOutlined />, t('judgingWeb.nav.assessments')),
        item('campaigns', '/campaigns', <HeartOutlined />, t('judgingWeb.nav.campaigns')),
        item('leads', '/leads', <FundOutlined />, t('judgingWeb.nav.leads')),
      ],
    },
  ];
}
