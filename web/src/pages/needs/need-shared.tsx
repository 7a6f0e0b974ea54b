import { Tag } from 'antd';
import type { Need } from '@tongxin/core';
import { claimMachine, type ClaimState } from '@tongxin/core/sla/claim-states';
import { useTranslation } from 'react-i18next';

const stateColours: Record<ClaimState, string> = { open: 'blue', claimed: 'processing', fulfilled: 'gold', confirmed: 'success', withdrawn: 'default', expired: 'default' };

export function NeedStateTag({ state }: { state: ClaimState }) {
  const { t } = useTranslation();
  return (
    <Tag color={stateColours[state]} data-testid="need-state" data-state={state}>
      {t(`requests.claimStates.${state}`)}
    </Tag>
  );
}

/** 即将到期 / 已过期未认领 on an open need. */
export function NeedDateFlag({ need }: { need: Pick<Need, 'dateFlag' | 'id'> }) {
  const { t } = useTranslation();
  if (!need.dateFlag) return null;
  return (
    <Tag color={need.dateFlag === 'past_due' ? 'red' : 'orange'} data-testid={`need-flag-${need.id}`} data-flag={need.dateFlag}>
      {t(`requests.dateFlags.${need.dateFlag}`)}
    </Tag>
  );
}

export function needActionOf(from: ClaimState, to: ClaimState): string {
  return claimMachine.transitions.find((step) => step.from === from && step.to === to)?.action ?? to;
}

export function needNoteRequired(from: ClaimState, to: ClaimState): boolean {
  return claimMachine.transitions.find((step) => step.from === from && step.to === to)?.noteRequired ?? false;
}
