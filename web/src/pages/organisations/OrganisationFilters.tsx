import { Button, Flex, Select } from 'antd';
import type { OrganisationType } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import type { OrganisationFilters as Filters } from '../../api/organisations.ts';
import { organisationTypes, someOf } from '../../api/registry-enums.ts';
import { ArchivedSelect } from '../../components/ArchivedSelect.tsx';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { SearchBox } from '../../components/SearchBox.tsx';

type Change = Partial<Record<'q' | 'divisionId' | 'type' | 'archived', string | number | null>>;

/** Text, division subtree, type(s), archived: every change goes straight to the URL. */
export function OrganisationFilters({ value, onChange, onReset }: { value: Filters; onChange: (changes: Change) => void; onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap="wrap" data-testid="organisation-filters">
      <SearchBox data-testid="organisation-filter-q" value={value.q} onSearch={(q) => onChange({ q })} placeholder={t('organisations.searchPlaceholder')} />
      <DivisionPicker
        data-testid="organisation-filter-division"
        value={value.divisionId ?? null}
        onChange={(divisionId) => onChange({ divisionId })}
        placeholder={t('registry.common.allDivisions')}
        style={{ width: 220 }}
      />
      <Select<OrganisationType[]>
        data-testid="organisation-filter-type"
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('registry.common.allTypes')}
        value={someOf(organisationTypes, value.type)}
        onChange={(types) => onChange({ type: types.join(',') || null })}
        options={enumOptions(t, 'organisationTypes', organisationTypes)}
        style={{ width: 240 }}
      />
      <ArchivedSelect testId="organisation-filter-archived" value={value.archived} onChange={(archived) => onChange({ archived })} />
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </Flex>
  );
}
