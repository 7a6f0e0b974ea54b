import { useState } from 'react';
import { App, Button, Select, Space, Switch, Table, Tag } from 'antd';
import type { CompetitionDetail, Phase, PhaseKind } from '@tongxin/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { phaseState } from '../../lib/phase-state.ts';
import { competitionKeys, setPhaseOpen, updatePhase } from '../../api/competitions.ts';
import { messageOf } from '../../api/form-errors.ts';
import { formatDateTime } from '../../lib/time.ts';
import { PhaseDatesModal } from './PhaseDatesModal.tsx';

/**
 * The five phases with their window and rater settings. Opening or closing by hand overrides the
 * dates; "published" opens only with the decision's publication, so it has no button here.
 */
export function PhasesPanel({ competition, manage }: { competition: CompetitionDetail; manage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [dating, setDating] = useState<Phase | null>(null);

  const run = async (key: string, action: () => Promise<unknown>) => {
    setBusy(key);
    try {
      await action();
    } catch (error) {
      message.error(messageOf(error, t('common.networkError')));
    } finally {
      setBusy(null);
      await queryClient.invalidateQueries({ queryKey: competitionKeys.detail(competition.id) });
    }
  };
  const settings = (phase: Phase, changes: Partial<Pick<Phase, 'raterVisibility' | 'showOtherScores' | 'hideAuthors'>>) =>
    void run(`${phase.kind}-settings`, () => updatePhase(competition.id, phase.kind, { ...changes, version: phase.version }));

  const columns = [
    { title: t('judgingWeb.phases.phase'), dataIndex: 'kind', width: 90, render: (kind: PhaseKind) => t(`judging.phaseKinds.${kind}`) },
    {
      title: t('judgingWeb.phases.state'),
      key: 'state',
      width: 90,
      render: (_: unknown, phase: Phase) => (
        <PhaseStateTag phase={phase} />
      ),
    },
    {
      title: t('judgingWeb.phases.window'),
      key: 'window',
      render: (_: unknown, phase: Phase) => (
        <Space size={4}>
          <span className="tx-numeric">{`${formatDateTime(phase.opensAt)} ~ ${formatDateTime(phase.closesAt)}`}</span>
          {manage && phase.kind !== 'published' && (
            <Button size="small" type="link" onClick={() => setDating(phase)} data-testid={`phase-dates-${phase.kind}`}>
              {t('judgingWeb.phases.setDates')}
            </Button>
          )}
        </Space>
      ),
    },
    {
      title: t('judgingWeb.phases.raterSettings'),
      key: 'rater',
      render: (_: unknown, phase: Phase) =>
        phase.kind === 'review' ? (
          <Space wrap>
            <Select
              size="small"
              disabled={!manage}
              value={phase.raterVisibility}
              onChange={(raterVisibility) => settings(phase, { raterVisibility })}
              options={(['all', 'assigned'] as const).map((value) => ({ value, label: t(`judging.raterVisibilities.${value}`) }))}
              style={{ width: 140 }}
              data-testid="phase-review-visibility"
            />
            <Switch size="small" disabled={!manage} checked={phase.showOtherScores} onChange={(showOtherScores) => settings(phase, { showOtherScores })} />
            {t('judgingWeb.phases.showOtherScores')}
            <Switch size="small" disabled={!manage} checked={phase.hideAuthors} onChange={(hideAuthors) => settings(phase, { hideAuthors })} />
            {t('judgingWeb.phases.hideAuthors')}
          </Space>
        ) : null,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_: unknown, phase: Phase) =>
        manage && phase.kind !== 'published' ? (
          <Button
            size="small"
            type={phase.open ? 'default' : 'primary'}
            loading={busy === phase.kind}
            onClick={() => void run(phase.kind, () => setPhaseOpen(competition.id, phase.kind, !phase.open, phase.version))}
            data-testid={`phase-${phase.open ? 'close' : 'open'}-${phase.kind}`}
          >
            {phase.open ? t('judgingWeb.phases.closeNow') : t('judgingWeb.phases.openNow')}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <Table<Phase> data-testid="phase-table" rowKey="kind" size="small" pagination={false} dataSource={competition.phases} columns={columns} scroll={{ x: 900 }} />
      <PhaseDatesModal competitionId={competition.id} phase={dating} onClose={() => setDating(null)} onSaved={() => void queryClient.invalidateQueries({ queryKey: competitionKeys.detail(competition.id) })} />
    </>
  );
}

/** 开放中 / 未开始 / 已结束 / 未开放: a phase whose dates passed is over, not "not open". */
function PhaseStateTag({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const state = phaseState(phase, new Date());
  return (
    <Tag color={state === 'open' ? 'green' : 'default'} data-testid={`phase-state-${phase.kind}`} data-state={state}>
      {state === 'open' ? t('judgingWeb.phases.open') : t(`uxRole.phaseStates.${state}`)}
    </Tag>
  );
}
