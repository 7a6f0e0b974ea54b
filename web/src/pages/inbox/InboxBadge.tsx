import { Badge, Button, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fetchInboxCounts, inboxKeys } from '../../api/inbox.ts';

/** The header's bell: items waiting on the user plus unread notifications, refreshed each minute. */
export function InboxBadge() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data } = useQuery({ queryKey: inboxKeys.counts, queryFn: fetchInboxCounts, refetchInterval: 60_000, staleTime: 30_000 });
  const count = (data?.total ?? 0) + (data?.unreadNotifications ?? 0);
  const hint = data ? t('requestPages.inbox.badgeHint', { items: data.total, overdue: data.overdue, unread: data.unreadNotifications }) : t('requestPages.inbox.title');
  return (
    <Tooltip title={hint}>
      <Badge count={count} size="small" overflowCount={99} color={data?.overdue ? 'red' : undefined}>
        <Button type="text" icon={<BellOutlined />} onClick={() => void navigate('/inbox')} data-testid="inbox-badge" data-count={count} aria-label={t('requestPages.inbox.title')} />
      </Badge>
    </Tooltip>
  );
}
