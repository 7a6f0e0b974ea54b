import { useQuery } from '@tanstack/react-query';
import { shanghaiToday, type EventOut, type Need } from '@tongxin/core';
import { Badge, Button, Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchNotifications, markAllNotificationsRead, markNotificationRead } from '../../api/inbox.ts';
import { formatDateTime } from '../../lib/time.ts';

/** My notices (the in-app channel): unread first page; one tap marks one read, or all. */
export function NoticesCard() {
  const { t } = useTranslation();
  const notices = useQuery({ queryKey: ['m', 'notices'], queryFn: () => fetchNotifications(1, true) });
  const items = notices.data?.items ?? [];
  return (
    <Card
      title={
        <span>
          {t('mobileWork.notices')} <Badge count={notices.data?.total ?? 0} />
        </span>
      }
      size="small"
      extra={
        items.length > 0 && (
          <Button size="small" type="link" onClick={async () => { await markAllNotificationsRead(); await notices.refetch(); }}>
            {t('mobileWork.markAllRead')}
          </Button>
        )
      }
    >
      <List
        dataSource={items}
        locale={{ emptyText: t('mobileWork.noNotices') }}
        renderItem={(notice) => (
          <List.Item
            actions={[
              <Button key="read" size="small" type="link" onClick={async () => { await markNotificationRead(notice.id); await notices.refetch(); }}>
                {t('mobileWork.markRead')}
              </Button>,
            ]}
          >
            <List.Item.Meta title={notice.message} description={formatDateTime(notice.createdAt)} />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** Today (Shanghai): my events starting today and my claimed needs still to be done. */
export function TodayCard({ events, needs }: { events: EventOut[]; needs: Need[] }) {
  const { t } = useTranslation();
  const today = shanghaiToday(new Date());
  const todays = events.filter((event) => event.mine === 'registered' && shanghaiToday(new Date(event.startsAt)) === today);
  const open = needs.filter((need) => need.state === 'claimed');
  const lines = [
    ...todays.map((event) => ({ key: `e${event.id}`, text: `${formatDateTime(event.startsAt)} ${event.title}`, tag: t('mobileWork.todayEvent') })),
    ...open.map((need) => ({ key: `n${need.id}`, text: need.title, tag: t('mobileWork.todayNeed') })),
  ];
  return (
    <Card title={t('mobileWork.today')} size="small" data-testid="m-today">
      <List
        dataSource={lines}
        locale={{ emptyText: t('mobileWork.nothingToday') }}
        renderItem={(line) => (
          <List.Item>
            <Typography.Text type="secondary">{line.tag}</Typography.Text> {line.text}
          </List.Item>
        )}
      />
    </Card>
  );
}
