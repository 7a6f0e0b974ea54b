import { Button, DatePicker, Flex, Select } from 'antd';
import dayjs from 'dayjs';
import { activityKinds, type ActivityKind } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import type { ActivityFilters as Filters } from '../../api/activities.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { OrganisationPicker } from '../../components/pickers.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { ProjectPicker, VenuePicker } from '../projects/work-shared.tsx';

type Change = Partial<Record<'q' | 'kind' | 'venueId' | 'projectId' | 'organisationId' | 'divisionId' | 'from' | 'to', string | number | null>>;

/** Kind, venue, project, organiser, period, division, text: every change goes straight to the URL. */
export function ActivityFilters({ value, onChange, onReset }: { value: Filters; onChange: (changes: Change) => void; onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap="wrap" data-testid="activity-filters">
      <SearchBox data-testid="activity-filter-q" value={value.q} onSearch={(q) => onChange({ q })} placeholder={t('work.activities.searchPlaceholder')} style={{ width: 180 }} />
      <Select<ActivityKind>
        data-testid="activity-filter-kind"
        allowClear
        placeholder={t('work.activities.allKinds')}
        value={value.kind}
        onChange={(kind) => onChange({ kind: kind ?? null })}
        options={enumOptions(t, 'activityKinds', activityKinds)}
        style={{ width: 130 }}
      />
      <VenuePicker data-testid="activity-filter-venue" value={value.venueId ?? null} onChange={(venueId) => onChange({ venueId })} placeholder={t('work.activities.anyVenue')} style={{ width: 180 }} />
      <ProjectPicker data-testid="activity-filter-project" value={value.projectId ?? null} onChange={(projectId) => onChange({ projectId })} placeholder={t('work.activities.anyProject')} style={{ width: 180 }} />
      <OrganisationPicker
        data-testid="activity-filter-organisation"
        value={value.organisationId ?? null}
        onChange={(organisationId) => onChange({ organisationId })}
        placeholder={t('work.activities.anyOrganisation')}
        style={{ width: 180 }}
      />
      <DatePicker.RangePicker
        data-testid="activity-filter-period"
        value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
        onChange={(range) => onChange({ from: range?.[0]?.format('YYYY-MM-DD') ?? null, to: range?.[1]?.format('YYYY-MM-DD') ?? null })}
        allowEmpty={[true, true]}
        style={{ width: 250 }}
      />
      <DivisionPicker data-testid="activity-filter-division" value={value.divisionId ?? null} onChange={(divisionId) => onChange({ divisionId })} placeholder={t('work.common.allDivisions')} style={{ width: 180 }} />
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </Flex>
  );
}
