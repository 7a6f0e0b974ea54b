import { App, Badge, Button, Card, Checkbox, Empty, Flex, List, Pagination, Tabs, Tag, Typography } from 'antd';
import { inboxBoxes, type InboxBox, type InboxItem, type Notification } from '@tongxin/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { messageOf } from '../../api/form-errors.ts';
import { fetchInbox, fetchInboxCounts, fetchNotifications, inboxKeys, markAllNotificationsRead, markNotificationRead, pathOf } from '../../api/inbox.ts';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { useUrlState } from '../../lib/url-state.ts';

/** 待办: what waits on the user, box by box, and their notifications. The box is in the URL. */
export function InboxPage() {
  const { t } = useTranslation();
  const url = useUrlState();
  const tab = url.get('box') ?? 'all';
  const counts = useQuery({ queryKey: inboxKeys.counts, queryFn: fetchInboxCounts });
  const box = inboxBoxes.find((one) => one === tab);
  return (
    <Card title={t('requestPages.inbox.title')} data-testid="inbox-page">
      <Tabs
        activeKey={tab}
        onChange={(key) => url.set({ box: key === 'all' ? null : key, page: null })}
        items={[
          { key: 'all', label: <Badge count={counts.data?.total ?? 0} size="small" offset={[8, 0]}>{t('requestPages.inbox.all')}</Badge> },
          ...inboxBoxes.map((one) => ({
            key: one,
            label: (
              <Badge count={counts.data?.[one] ?? 0} size="small" offset={[8, 0]} color={one === 'overdue' ? 'red' : 'blue'}>
                <span data-testid={`inbox-tab-${one}`}>{t(`requests.inboxBoxes.${one}`)}</span>
              </Badge>
            ),
          })),
          { key: 'notifications', label: <Badge count={counts.data?.unreadNotifications ?? 0} size="small" offset={[8, 0]}><span data-testid="inbox-tab-notifications">{t('requestPages.inbox.notifications')}</span></Badge> },
        ]}
      />
      {tab === 'notifications' ? <NotificationList /> : <Items box={box} />}
    </Card>
  );
}

function Items({ box }: { box: InboxBox | undefined }) {
  const { t } = useTranslation();
  const { data, error, isPending, refetch } = useQuery({ queryKey: inboxKeys.items(box), queryFn: () => fetchInbox(box) });
  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;
  return (
    <List<InboxItem>
      data-testid="inbox-list"
      loading={isPending}
      dataSource={data ?? []}
      locale={{ emptyText: <Empty description={t('requestPages.inbox.empty')} /> }}
      renderItem={(item) => (
        <List.Item data-testid={`inbox-item-${item.kind}-${item.id}`} extra={item.dueAt && <Typography.Text type={item.overdue ? 'danger' : 'secondary'}>{t('requestPages.inbox.due', { at: formatDateTime(item.dueAt) })}</Typography.Text>}>
          <List.Item.Meta
            title={
              <Link to={pathOf(item.kind, item.id, item.reportId)}>
                {item.title}
              </Link>
            }
            description={
              <Flex gap={6} wrap="wrap">
                <Tag color={item.overdue ? 'red' : 'blue'}>{t(`requests.inboxBoxes.${item.box}`)}</Tag>
                <Tag>{t(`requestPages.inbox.kinds.${item.kind}`)}</Tag>
                {item.ticketNo && <span className="tx-numeric">{item.ticketNo}</span>}
              </Flex>
            }
          />
        </List.Item>
      )}
    />
  );
}

function NotificationList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const url = useUrlState();
  const queryClient = useQueryClient();
  const page = url.getNumber('page', 1)!;
  const unread = url.get('unread') === 'true';
  const { data, error, isPending, refetch } = useQuery({ queryKey: inboxKeys.notifications(page, unread), queryFn: () => fetchNotifications(page, unread) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
  const open = async (item: Notification) => {
    if (!item.readAt) await markNotificationRead(item.id).catch(() => undefined);
    refresh();
    void navigate(pathOf(item.entity, item.entityId));
  };
  const readAll = async () => {
    try {
      await markAllNotificationsRead();
      refresh();
    } catch (failure) {
      message.error(messageOf(failure, t('common.networkError')));
    }
  };
  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} align="center">
        <Checkbox checked={unread} onChange={(event) => url.set({ unread: event.target.checked ? 'true' : null })}>
          {t('requestPages.inbox.unreadOnly')}
        </Checkbox>
        <Button onClick={() => void readAll()} data-testid="notifications-read-all">
          {t('requestPages.inbox.readAll')}
        </Button>
      </Flex>
      <List<Notification>
        data-testid="notification-list"
        loading={isPending}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t('requestPages.inbox.noNotifications')} /> }}
        renderItem={(item) => (
          <List.Item onClick={() => void open(item)} style={{ cursor: 'pointer' }} data-testid={`notification-${item.id}`}>
            <List.Item.Meta
              title={<Typography.Text strong={!item.readAt}>{item.message}</Typography.Text>}
              description={
                <>
                  <Tag>{t(`requestPages.inbox.notificationKinds.${item.kind}`)}</Tag>
                  {formatDateTime(item.createdAt)}
                </>
              }
            />
          </List.Item>
        )}
      />
      {(data?.total ?? 0) > 20 && <Pagination current={page} pageSize={20} total={data?.total ?? 0} onChange={(next) => url.set({ page: next === 1 ? null : next }, { keepPage: true })} />}
    </Flex>
  );
}
