import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import { BellOutlined, CustomerServiceOutlined, GlobalOutlined, HeartOutlined, SendOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';

type MenuItem = NonNullable<MenuProps['items']>[number];
type ItemFactory = (key: string, to: string, icon: ReactNode, label: string) => MenuItem;

/** The requests part of the side menu (诉求): each key is the first segment of its path. The portal opens in a new tab. */
export function requestMenuItems(t: TFunction, item: ItemFactory): MenuItem[] {
  return [
    {
      type: 'group',
      key: 'requests',
      label: t('requestPages.nav.group'),
      children: [
        item('inbox', '/inbox', <BellOutlined />, t('requestPages.nav.inbox')),
        item('cases', '/cases', <CustomerServiceOutlined />, t('requestPages.nav.cases')),
        item('needs', '/needs', <HeartOutlined />, t('requestPages.nav.needs')),
        item('direct-channel', '/direct-channel', <SendOutlined />, t('requestPages.nav.directChannel')),
        {
          key: 'portal',
          icon: <GlobalOutlined />,
          label: (
            <a href="/portal" target="_blank" rel="noreferrer" data-testid="nav-portal">
              {t('requestPages.nav.portal')}
            </a>
          ),
        },
      ],
    },
  ];
}
