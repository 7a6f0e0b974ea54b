import { Tag } from 'antd';
import type { LeadStage } from '@tongxin/core';
import { useTranslation } from 'react-i18next';

const stageColours: Record<LeadStage, string> = { lead: 'default', talks: 'processing', signed: 'blue', landed: 'success', dropped: 'error' };

export function LeadStageTag({ stage }: { stage: LeadStage }) {
  const { t } = useTranslation();
  return (
    <Tag color={stageColours[stage]} data-testid="lead-stage">
      {t(`judging.leadStages.${stage}`)}
    </Tag>
  );
}
