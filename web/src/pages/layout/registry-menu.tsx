import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import { BankOutlined, CompassOutlined, EnvironmentOutlined, GiftOutlined, ProfileOutlined, TableOutlined, TagsOutlined, UserOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { Me } from '../../api/auth.ts';
import { isSystemAdmin } from '../../lib/registry-rights.ts';

type MenuItem = NonNullable<MenuProps['items']>[number];
type ItemFactory = (key: string, to: string, icon: ReactNode, label: string) => MenuItem;

/**
 * The registry's part of the side menu (名录): each key is the first segment of its path, which is
 * how the layout marks the current page. The public service guide opens in a new tab.
 */
export function registryMenuItems(t: TFunction, me: Me, item: ItemFactory): MenuItem[] {
  return [
    {
      type: 'group',
      key: 'registry',
      label: t('registry.nav.group'),
      children: [
        item('organisations', '/organisations', <BankOutlined />, t('registry.nav.organisations')),
        item('people', '/people', <UserOutlined />, t('registry.nav.people')),
        item('venues', '/venues', <EnvironmentOutlined />, t('registry.nav.venues')),
        item('resources', '/resources', <GiftOutlined />, t('registry.nav.resources')),
        item('brands', '/brands', <TagsOutlined />, t('registry.nav.brands')),
        item('brand-matrix', '/brand-matrix', <TableOutlined />, t('registry.nav.brandMatrix')),
        ...(isSystemAdmin(me) ? [item('service-kinds', '/service-kinds', <ProfileOutlined />, t('registry.nav.serviceKinds'))] : []),
        {
          key: 'guide',
          icon: <CompassOutlined />,
          label: (
            <a href="/guide" target="_blank" rel="noreferrer" data-testid="nav-guide">
              {t('registry.nav.guide')}
            </a>
          ),
        },
      ],
    },
  ];
}

