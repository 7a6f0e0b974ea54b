import { isOffice } from '@tongxin/core';
import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import { MessageOutlined, NotificationOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { Role } from '@tongxin/core';

type MenuItem = NonNullable<MenuProps['items']>[number];
type ItemFactory = (key: string, to: string, icon: ReactNode, label: string) => MenuItem;

/** The outbox part of the side menu: the delivery log for the office, message settings for everyone. */
export function messagingMenuItems(t: TFunction, roles: readonly Role[], item: ItemFactory): MenuItem[] {
  const office = isOffice({ roles });
  return [
    ...(office ? [item('messages', '/messages', <MessageOutlined />, t('messaging.log.title'))] : []),
    item('message-preferences', '/messages/preferences', <NotificationOutlined />, t('messaging.preferences.title')),
  ];
}
