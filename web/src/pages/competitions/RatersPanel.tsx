import { useState } from 'react';
import { App, Button, Flex, Popconfirm, Progress, Space, Statistic, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CompetitionDetail, Rater } from '@tongxin/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { competitionKeys, groupName, listRaters, removeRater } from '../../api/competitions.ts';
import { messageOf } from '../../api/form-errors.ts';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { AddRaterModal, AssignByHandModal, AssignRuleModal } from './RaterModals.tsx';

const percent = (done: number, total: number) => (total ? Math.round((done / total) * 100) : 0);

/** Raters by group with their assignments and scoring progress; add, assign, remove. */
export function RatersPanel({ competition }: { competition: CompetitionDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [ruling, setRuling] = useState(false);
  const [handTarget, setHandTarget] = useState<Rater | null>(null);
  const { data, isPending, error, refetch } = useQuery({ queryKey: competitionKeys.raters(competition.id), queryFn: () => listRaters(competition.id) });
  const remove = useMutation({
    mutationFn: (rater: Rater) => removeRater(competition.id, rater.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: competitionKeys.detail(competition.id) }),
    onError: (e) => message.error(messageOf(e, t('common.networkError'))),
  });
  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;

  const raters = data ?? [];
  const done = raters.reduce((sum, r) => sum + r.progress.done, 0);
  const total = raters.reduce((sum, r) => sum + r.progress.total, 0);
  const columns = [
    { title: t('judgingWeb.raters.name'), key: 'name', render: (_: unknown, r: Rater) => `${r.displayName} (${r.username})` },
    { title: t('judgingWeb.raters.group'), dataIndex: 'groupId', width: 140, render: (groupId: string) => groupName(competition, groupId) },
    { title: t('judgingWeb.raters.organisation'), dataIndex: 'organisationName', width: 180, render: (name: string | null) => name ?? '—' },
    { title: t('judgingWeb.raters.assignedCount'), dataIndex: 'assigned', width: 90 },
    {
      title: t('judgingWeb.raters.progress'),
      key: 'progress',
      width: 180,
      render: (_: unknown, r: Rater) => <Progress size="small" percent={percent(r.progress.done, r.progress.total)} format={() => `${r.progress.done} / ${r.progress.total}`} data-testid={`rater-progress-${r.username}`} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_: unknown, r: Rater) => (
        <Space size={0}>
          <Button size="small" type="link" onClick={() => setHandTarget(r)}>
            {t('judgingWeb.raters.assign')}
          </Button>
          <Popconfirm title={t('judgingWeb.raters.removeConfirm')} onConfirm={() => remove.mutate(r)}>
            <Button size="small" type="link" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap="wrap" gap={12}>
        <Flex gap={32} data-testid="scoring-progress">
          <Statistic title={t('judgingWeb.raters.overall')} value={`${done} / ${total}`} />
          <Progress type="circle" size={64} percent={percent(done, total)} />
        </Flex>
        <Space wrap>
          <Button onClick={() => setRuling(true)} data-testid="assign-rule">
            {t('judgingWeb.raters.assignRule')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="rater-add">
            {t('judgingWeb.raters.add')}
          </Button>
        </Space>
      </Flex>
      <Table<Rater> data-testid="rater-table" rowKey="id" size="small" loading={isPending} dataSource={raters} columns={columns} pagination={false} scroll={{ x: 900 }} />
      <AddRaterModal competition={competition} open={adding} onClose={() => setAdding(false)} />
      <AssignRuleModal competition={competition} open={ruling} onClose={() => setRuling(false)} />
      <AssignByHandModal competition={competition} rater={handTarget} onClose={() => setHandTarget(null)} />
    </Flex>
  );
}
