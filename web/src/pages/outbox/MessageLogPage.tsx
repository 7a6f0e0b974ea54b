import { App, Button, Card, Flex, Form, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { messageChannels, messageStates, type MessageChannel, type MessageState, type OutboxMessage } from '@tongxin/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { listMessageLog, outboxKeys, recordOptOut, type MessageLogFilters } from '../../api/outbox.ts';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { useUrlState } from '../../lib/url-state.ts';

const stateColor: Record<MessageState, string> = { queued: 'default', sending: 'processing', sent: 'blue', delivered: 'green', undelivered: 'orange', failed: 'red', cancelled: 'default' };

function useFilters(): MessageLogFilters {
  const url = useUrlState();
  const state = url.get('state') as MessageState | undefined;
  const channel = url.get('channel') as MessageChannel | undefined;
  return {
    ...(state && (messageStates as readonly string[]).includes(state) ? { state } : {}),
    ...(channel && (messageChannels as readonly string[]).includes(channel) ? { channel } : {}),
    page: url.getNumber('page', 1)!,
    pageSize: 20,
  };
}

/** Record a resident's opt-out (phoned in, or a TD reply the provider reported). */
function OptOutForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ phone: string }>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (values: { phone: string }) => recordOptOut(values.phone.trim()),
    onSuccess: () => {
      void message.success(t('messaging.optOut.added'));
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['outbox', 'log'] });
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error)) void message.error(messageOf(error, t('common.networkError')));
    },
  });
  return (
    <Form form={form} layout="inline" onFinish={(values) => save.mutate(values)}>
      <Form.Item name="phone" label={t('messaging.optOut.phone')} rules={[{ required: true, pattern: /^1\d{10}$/, message: t('validation.mobile') }]}>
        <Input data-testid="opt-out-phone" maxLength={11} inputMode="tel" style={{ width: 160 }} />
      </Form.Item>
      <Button htmlType="submit" loading={save.isPending} data-testid="opt-out-submit">
        {t('messaging.optOut.add')}
      </Button>
    </Form>
  );
}

/** 消息发送记录: every SMS and WeChat message of the office's subtree, numbers masked, with why one failed. */
export function MessageLogPage() {
  const { t } = useTranslation();
  const url = useUrlState();
  const filters = useFilters();
  const { data, isPending, isFetching, error, refetch } = useQuery({ queryKey: outboxKeys.log(filters), queryFn: () => listMessageLog(filters), placeholderData: keepPreviousData });
  const columns = [
    { title: t('messaging.log.createdAt'), dataIndex: 'createdAt', width: 160, render: (at: string) => <span className="tx-numeric">{formatDateTime(at)}</span> },
    { title: t('messaging.log.recipient'), dataIndex: 'recipientName', width: 120, render: (name: string | null, m: OutboxMessage) => name ?? m.divisionName ?? '—' },
    { title: t('messaging.log.address'), dataIndex: 'address', width: 130, render: (a: string) => <span className="tx-numeric">{a}</span> },
    { title: t('messaging.log.channel'), dataIndex: 'channel', width: 90, render: (c: MessageChannel) => t(`messaging.channels.${c}`) },
    {
      title: t('messaging.log.event'),
      dataIndex: 'event',
      render: (event: string, m: OutboxMessage) => (
        <Tooltip title={m.text}>
          {t(`messaging.events.${event}`, { defaultValue: event })}
          {m.urgent && <Tag color="red" style={{ marginInlineStart: 6 }}>{t('messaging.log.urgent')}</Tag>}
        </Tooltip>
      ),
    },
    {
      title: t('messaging.log.state'),
      dataIndex: 'state',
      width: 110,
      render: (state: MessageState) => <Tag color={stateColor[state]}>{t(`messaging.states.${state}`)}</Tag>,
    },
    { title: t('messaging.log.attempts'), dataIndex: 'attempts', width: 80, render: (n: number) => <span className="tx-numeric">{n}</span> },
    { title: t('messaging.log.sentAt'), dataIndex: 'sentAt', width: 160, render: (at: string | null) => (at ? <span className="tx-numeric">{formatDateTime(at)}</span> : '—') },
    { title: t('messaging.log.lastError'), dataIndex: 'lastError', render: (e: string | null) => <Typography.Text type="secondary">{e ?? ''}</Typography.Text> },
  ];
  const all = { value: '', label: t('messaging.log.all') };
  return (
    <Card
      title={t('messaging.log.title')}
      extra={<Button icon={<ReloadOutlined />} onClick={() => void refetch()} loading={isFetching && !isPending} aria-label={t('common.refresh')} />}
    >
      <Flex vertical gap={16}>
        <Flex gap={12} wrap="wrap" justify="space-between">
          <Flex gap={12}>
            <Select
              data-testid="log-state"
              style={{ width: 140 }}
              value={filters.state ?? ''}
              options={[all, ...messageStates.map((s) => ({ value: s, label: t(`messaging.states.${s}`) }))]}
              onChange={(state) => url.set({ state: state || undefined, page: undefined })}
            />
            <Select
              style={{ width: 120 }}
              value={filters.channel ?? ''}
              options={[all, ...messageChannels.map((c) => ({ value: c, label: t(`messaging.channels.${c}`) }))]}
              onChange={(channel) => url.set({ channel: channel || undefined, page: undefined })}
            />
          </Flex>
          <OptOutForm />
        </Flex>
        {error ? (
          <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
        ) : (
          <Table<OutboxMessage>
            data-testid="message-log"
            rowKey="id"
            size="middle"
            loading={isPending}
            dataSource={data?.items ?? []}
            columns={columns}
            scroll={{ x: 1000 }}
            pagination={{ current: filters.page, pageSize: filters.pageSize, total: data?.total ?? 0, showSizeChanger: false, onChange: (page) => url.set({ page }) }}
          />
        )}
      </Flex>
    </Card>
  );
}
