import { Button, Checkbox, Flex, Select } from 'antd';
import { caseCategories, caseChannels } from '@tongxin/core';
import { dispatchStates } from '@tongxin/core/sla/dispatch-states';
import { useTranslation } from 'react-i18next';
import type { CaseFilters as Filters } from '../../api/cases.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { SearchBox } from '../../components/SearchBox.tsx';

type Change = Partial<Record<'q' | 'state' | 'category' | 'channel' | 'divisionId' | 'overdue' | 'ids', string | number | null>>;

/** State, category, channel, division, overdue only, text: every change goes straight to the URL. */
export function CaseFilters({ value, onChange, onReset }: { value: Filters; onChange: (changes: Change) => void; onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap="wrap" align="center" data-testid="case-filters">
      <SearchBox data-testid="case-filter-q" value={value.q} onSearch={(q) => onChange({ q })} placeholder={t('requestPages.cases.searchPlaceholder')} style={{ width: 220 }} />
      <Select
        data-testid="case-filter-state"
        allowClear
        placeholder={t('requestPages.common.allStates')}
        value={value.state}
        onChange={(state) => onChange({ state: state ?? null })}
        options={enumOptions(t, 'requests.dispatchStates', dispatchStates)}
        style={{ width: 130 }}
      />
      <Select
        data-testid="case-filter-category"
        allowClear
        placeholder={t('requestPages.cases.allCategories')}
        value={value.category}
        onChange={(category) => onChange({ category: category ?? null })}
        options={enumOptions(t, 'requests.categories', caseCategories)}
        style={{ width: 130 }}
      />
      <Select
        data-testid="case-filter-channel"
        allowClear
        placeholder={t('requestPages.cases.allChannels')}
        value={value.channel}
        onChange={(channel) => onChange({ channel: channel ?? null })}
        options={enumOptions(t, 'requests.channels', caseChannels)}
        style={{ width: 130 }}
      />
      <DivisionPicker data-testid="case-filter-division" value={value.divisionId ?? null} onChange={(divisionId) => onChange({ divisionId })} placeholder={t('work.common.allDivisions')} style={{ width: 200 }} />
      <Checkbox data-testid="case-filter-overdue" checked={value.overdue === 'true'} onChange={(event) => onChange({ overdue: event.target.checked ? 'true' : null })}>
        {t('requestPages.cases.overdueOnly')}
      </Checkbox>
      {value.ids && (
        <Button onClick={() => onChange({ ids: null })} data-testid="case-filter-ids">
          {t('requestPages.cases.drillDownClear')}
        </Button>
      )}
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </Flex>
  );
}
