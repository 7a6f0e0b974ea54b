import { Tag } from 'antd';
import type { PhaseKind } from '@tongxin/core';
import { useTranslation } from 'react-i18next';

const phaseColours: Record<PhaseKind, string> = { entry: 'blue', review: 'processing', public_vote: 'orange', decision: 'purple', published: 'success' };

/** The phase open now, or "not started/closed" when none is. */
export function PhaseTag({ kind }: { kind: PhaseKind | null }) {
  const { t } = useTranslation();
  if (!kind) return <Tag data-testid="competition-phase">{t('judgingWeb.phases.none')}</Tag>;
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
