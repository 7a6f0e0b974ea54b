import { useEffect, useState } from 'react';
import { Select, Tag, Tooltip } from 'antd';
import type { Case, Unit, UnitRef } from '@tongxin/core';
import { dispatchMachine, type DispatchState } from '@tongxin/core/sla/dispatch-states';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { caseKeys, searchUnits } from '../../api/cases.ts';
import { formatDateTime } from '../../lib/time.ts';

const stateColours: Record<DispatchState, string> = {
  received: 'blue',
  dispatched: 'geekblue',
  accepted: 'cyan',
  in_progress: 'processing',
  replied: 'gold',
  followed_up: 'purple',
  closed: 'success',
  returned: 'volcano',
};

export function CaseStateTag({ state }: { state: DispatchState }) {
  const { t } = useTranslation();
  return (
    <Tag color={stateColours[state]} data-testid="case-state" data-state={state}>
      {t(`requests.dispatchStates.${state}`)}
    </Tag>
  );
}

/** The action a step from one state to another is called (派单, 签收, 退单, …). */
export function actionOf(from: DispatchState, to: DispatchState): string {
  return dispatchMachine.transitions.find((step) => step.from === from && step.to === to)?.action ?? to;
}

export function noteRequired(from: DispatchState, to: DispatchState): boolean {
  return dispatchMachine.transitions.find((step) => step.from === from && step.to === to)?.noteRequired ?? false;
}

/**
 * How close to its due time a running clock counts as "near", by clock: the last quarter hour of
 * the one-hour signing limit, the last four hours of the 24-hour contact limit, and the last
 * working day (7 working hours) of the reply limit — when a reminder still helps.
 */
const nearMinutes: Record<'accept' | 'contact' | 'reply', number> = { accept: 15, contact: 4 * 60, reply: 7 * 60 };

export type TimeStatus = 'overdue' | 'near' | 'ok' | 'none';

/** The time-limit status of a case: its most pressing running clock. */
export function timeStatusOf(row: Pick<Case, 'clocks' | 'overdue'>): { status: TimeStatus; dueAt: string | null; clock: string | null } {
  if (row.overdue) {
    const clock = Object.values(row.clocks).find((one) => one.status === 'overdue');
    return { status: 'overdue', dueAt: clock?.dueAt ?? null, clock: clock?.name ?? null };
  }
  const running = Object.values(row.clocks)
    .filter((one) => one.status === 'running' && one.remainingMinutes !== null)
    .sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? ''))[0];
  if (!running) return { status: 'none', dueAt: null, clock: null };
  const near = running.remainingMinutes! <= nearMinutes[running.name];
  return { status: near ? 'near' : 'ok', dueAt: running.dueAt, clock: running.name };
}

export function TimeStatusTag({ row, testId }: { row: Pick<Case, 'clocks' | 'overdue'>; testId?: string }) {
  const { t } = useTranslation();
  const { status, dueAt, clock } = timeStatusOf(row);
  if (status === 'none') return <span>—</span>;
  const colour = status === 'overdue' ? 'red' : status === 'near' ? 'orange' : 'default';
  return (
    <Tooltip title={clock ? `${t(`requests.clocks.${clock}`)} · ${t('ux.clocks.due', { at: formatDateTime(dueAt) })}` : undefined}>
      <Tag color={colour} data-testid={testId ?? 'case-time-status'} data-status={status}>
        {t(`requestPages.cases.timeStatus.${status}`)}
      </Tag>
    </Tooltip>
  );
}

const unitValue = (unit: UnitRef) => `${unit.type}:${unit.id}`;

export function parseUnit(value: string | undefined): UnitRef | null {
  const [type, id] = (value ?? '').split(':');
  return (type === 'organisation' || type === 'division') && Number(id) > 0 ? { type, id: Number(id) } : null;
}

/** A responsible unit of the user's subtree (a division office or an organisation), searched as one types. */
export function UnitPicker({ value, onChange, testId }: { value?: string; onChange?: (value: string | undefined) => void; testId?: string }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data, isFetching } = useQuery({ queryKey: caseKeys.units(q), queryFn: () => searchUnits(q), placeholderData: keepPreviousData, staleTime: 30_000 });
  return (
    <Select<string>
      data-testid={testId}
      allowClear
      value={value}
      onChange={onChange}
      loading={isFetching}
      placeholder={t('registry.common.typeToSearch')}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      options={(data ?? []).map((unit: Unit) => ({ value: unitValue(unit), label: `${unit.name} · ${t(`requests.unitTypes.${unit.type}`)}` }))}
    />
  );
}
