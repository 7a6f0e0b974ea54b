import { Tag } from 'antd';
import type { Phase, PhaseKind } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import { competitionIdleState } from '../../lib/phase-state.ts';

const phaseColours: Record<PhaseKind, string> = { entry: 'blue', review: 'processing', public_vote: 'orange', decision: 'purple', published: 'success' };

/** The phase open now, or, when none is, whether one is still to come, all are over, or none is dated. */
export function PhaseTag({ kind, phases }: { kind: PhaseKind | null; phases: readonly Phase[] }) {
  const { t } = useTranslation();
  if (!kind) {
    const idle = competitionIdleState(phases, new Date());
    return (
      <Tag data-testid="competition-phase" data-state={idle}>
        {t(`uxRole.phaseStates.${idle}`)}
      </Tag>
    );
  }
  return (
    <Tag color={phaseColours[kind]} data-testid="competition-phase">
      {t(`judging.phaseKinds.${kind}`)}
    </Tag>
  );
}

/** A figure on the results' scale, at the competition's precision ("—" when there is none). */
export function formatScore(value: number | null | undefined, precision: number): string {
  return value === null || value === undefined ? '—' : value.toFixed(precision);
}

/** A fraction as a percentage (0.576 → "57.6%"). */
export function formatShare(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`;
}
