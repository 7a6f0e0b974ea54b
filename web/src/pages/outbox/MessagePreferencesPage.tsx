import { Alert, App, Card, Checkbox, Flex, Table, Tag, Typography } from 'antd';
import { messageChannels, type MessageChannel, type MessagePreferences, type StaffMessageEvent } from '@tongxin/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../api/form-errors.ts';
import { fetchMessagePreferences, outboxKeys, saveMessagePreferences } from '../../api/outbox.ts';
import { LoadFailed } from '../../components/ResultPages.tsx';

type Row = MessagePreferences['events'][number];

/** 消息提醒设置: per event, whether it also comes by SMS or WeChat (in-app always does). Saved on each tick. */
export function MessagePreferencesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data, error, isPending, refetch } = useQuery({ queryKey: outboxKeys.preferences, queryFn: fetchMessagePreferences });
  const save = useMutation({
    mutationFn: (change: { event: StaffMessageEvent; channels: MessageChannel[] }) => saveMessagePreferences({ events: [change] }),
    onSuccess: (answer) => {
      queryClient.setQueryData(outboxKeys.preferences, answer);
      void message.success(t('messaging.preferences.saved'));
    },
    onError: (failure) => void message.error(messageOf(failure, t('common.networkError'))),
  });
  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;
  const toggle = (row: Row, channel: MessageChannel, on: boolean) =>
    save.mutate({ event: row.event, channels: messageChannels.filter((c) => (c === channel ? on : row.channels.includes(c))) });
  const columns = [
    {
      title: t('messaging.log.event'),
      dataIndex: 'event',
      render: (event: string, row: Row) => (
        <span>
          {t(`messaging.events.${event}`)}
          {row.isDefault && <Tag style={{ marginInlineStart: 8 }}>{t('messaging.preferences.default')}</Tag>}
        </span>
      ),
    },
    { title: t('messaging.channels.inapp'), key: 'inapp', width: 90, render: () => <Checkbox checked disabled /> },
    ...messageChannels.map((channel) => ({
      title: t(`messaging.channels.${channel}`),
      key: channel,
      width: 110,
      render: (_: unknown, row: Row) => (
        <Checkbox
          data-testid={`pref-${row.event}-${channel}`}
          checked={row.channels.includes(channel)}
          disabled={save.isPending || (channel === 'wechat' && !data?.wechatAvailable)}
          onChange={(e) => toggle(row, channel, e.target.checked)}
        />
      ),
    })),
  ];
  return (
    <Card title={t('messaging.preferences.title')}>
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary">{t('messaging.preferences.intro')}</Typography.Paragraph>
        {data && !data.phone && <Alert type="warning" showIcon message={t('messaging.preferences.noPhone')} />}
        {data && !data.wechatAvailable && <Alert type="info" showIcon message={t('messaging.preferences.wechatOff')} />}
        <Table<Row> data-testid="message-preferences" rowKey="event" loading={isPending} dataSource={data?.events ?? []} columns={columns} pagination={false} size="middle" />
      </Flex>
    </Card>
  );
}
