import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import { ReadOutlined, SearchOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';

type MenuItem = NonNullable<MenuProps['items']>[number];
type ItemFactory = (key: string, to: string, icon: ReactNode, label: string) => MenuItem;

/** The publicity part of the side menu (宣传): each key is the first segment of its path. */
export function publicityMenuItems(t: TFunction, item: ItemFactory): MenuItem[] {
  return [
    {
      type: 'group',
      key: 'publicity',
      label: t('publicity.nav.group'),
      children: [item('articles', '/articles', <ReadOutlined />, t('publicity.nav.articles')), item('search', '/search', <SearchOutlined />, t('publicity.nav.search'))],
    },
  ];
}
