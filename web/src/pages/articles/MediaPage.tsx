import { useState } from 'react';
import { App, Breadcrumb, Card, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography, Button } from 'antd';
import type { MediaLevelCode, Medium } from '@tongxin/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { createMedium, setMediumArchived, updateMedium } from '../../api/articles.ts';
import { useMe } from '../../api/auth.ts';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { ArchiveAction } from '../../components/ArchiveAction.tsx';
import { ListActions } from '../../components/ListActions.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { isSystemAdmin } from '../../lib/registry-rights.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { LevelTag, levelOptions, useMedia } from './article-shared.tsx';

interface Values {
  name: string;
  aliases: string[];
  level: MediaLevelCode;
}

/** 媒体名录: the managed list of media and their levels that source lines are matched against. */
export function MediaPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const url = useUrlState();
  const archived = url.get('archived') === 'all' ? 'all' : 'false';
  const { data, isPending, isFetching, error, refetch } = useMedia(archived);
  const [editing, setEditing] = useState<Medium | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();
  const manage = isSystemAdmin(me);

  const open = (medium: Medium | 'new') => {
    setEditing(medium);
    form.setFieldsValue(medium === 'new' ? { name: '', aliases: [], level: 'local' } : { name: medium.name, aliases: medium.aliases, level: medium.level });
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['media'] });
  const save = async (values: Values) => {
    setSaving(true);
    try {
      if (editing === 'new') await createMedium(values);
      else if (editing) await updateMedium(editing.id, { ...values, version: editing.version });
      message.success(t('common.saved'));
      setEditing(null);
      await refresh();
    } catch (failure) {
      if (!applyFieldErrors(form, failure)) message.error(messageOf(failure, t('common.networkError')));
    } finally {
      setSaving(false);
    }
  };

  const columns = [
    { title: t('publicity.media.name'), dataIndex: 'name', render: (name: string, row: Medium) => <Space>{name}{row.archived && <Tag>{t('publicity.articles.archived')}</Tag>}</Space> },
    { title: t('publicity.articles.level'), dataIndex: 'level', width: 110, render: (level: MediaLevelCode) => <LevelTag level={level} /> },
    { title: t('publicity.media.aliases'), dataIndex: 'aliases', render: (aliases: string[]) => aliases.join(t('common.listSeparator')) || '—' },
    {
      title: t('publicity.media.articles'),
      key: 'articles',
      width: 100,
      render: (_: unknown, row: Medium) => <Link to={`/articles?mediumId=${row.id}`}>{t('publicity.media.showArticles')}</Link>,
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 160,
            render: (_: unknown, row: Medium) => (
              <Space size={0}>
                {!row.archived && (
                  <Button type="link" size="small" onClick={() => open(row)}>
                    {t('common.edit')}
                  </Button>
                )}
                <ArchiveAction archived={row.archived} run={(archive) => setMediumArchived(row.id, archive, row.version)} onDone={refresh} />
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12} data-testid="media-page">
      <Breadcrumb items={[{ title: <Link to="/articles">{t('publicity.articles.listTitle')}</Link> }, { title: t('publicity.media.title') }]} />
      <Card
        title={t('publicity.media.title')}
        extra={<ListActions onRefresh={() => void refetch()} refreshing={isFetching && !isPending} onCreate={manage ? () => open('new') : undefined} createLabel={t('publicity.media.create')} createTestId="medium-create" />}
      >
        <Flex vertical gap={12}>
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">{t('publicity.media.hint')}</Typography.Text>
            <Select
              value={archived}
              onChange={(value) => url.set({ archived: value === 'false' ? null : value })}
              options={[
                { value: 'false', label: t('publicity.articles.archivedStates.false') },
                { value: 'all', label: t('publicity.articles.archivedStates.all') },
              ]}
              style={{ width: 120 }}
            />
          </Flex>
          {error ? (
            <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
          ) : (
            <Table<Medium> data-testid="media-table" rowKey="id" size="middle" loading={isPending} dataSource={data ?? []} columns={columns} pagination={{ pageSize: 50, hideOnSinglePage: true }} />
          )}
        </Flex>
      </Card>
      <Modal open={editing !== null} title={editing === 'new' ? t('publicity.media.create') : t('common.edit')} onCancel={() => setEditing(null)} onOk={() => form.submit()} confirmLoading={saving} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
          <Form.Item name="name" label={t('publicity.media.name')} rules={[{ required: true, max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="level" label={t('publicity.articles.level')} rules={[{ required: true }]}>
            <Select options={levelOptions(t)} />
          </Form.Item>
          <Form.Item name="aliases" label={t('publicity.media.aliases')} extra={t('publicity.media.aliasesHint')}>
            <Select mode="tags" open={false} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
