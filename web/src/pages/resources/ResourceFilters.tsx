import { Button, Flex, Select } from 'antd';
import type { ResourceKind } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import { resourceKinds, someOf } from '../../api/registry-enums.ts';
import type { ResourceFilters as Filters } from '../../api/resources.ts';
import { ArchivedSelect } from '../../components/ArchivedSelect.tsx';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { SearchBox } from '../../components/SearchBox.tsx';
import { useServiceKindOptions } from './service-kind-options.ts';

type Change = Partial<Record<'q' | 'divisionId' | 'kind' | 'serviceKindId' | 'archived', string | number | null>>;

/** Service kind(s), division subtree, kind, text: so a need can be matched to who can help. */
export function ResourceFilters({ value, onChange, onReset }: { value: Filters; onChange: (changes: Change) => void; onReset: () => void }) {
  const { t } = useTranslation();
  const serviceKinds = useServiceKindOptions();
  const chosenKinds = (value.serviceKindId ?? '').split(',').map(Number).filter((id) => Number.isInteger(id) && id > 0);
  return (
    <Flex gap={8} wrap="wrap" data-testid="resource-filters">
      <SearchBox data-testid="resource-filter-q" value={value.q} onSearch={(q) => onChange({ q })} placeholder={t('resources.searchPlaceholder')} style={{ width: 200 }} />
      <Select<number[]>
        data-testid="resource-filter-services"
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        loading={serviceKinds.loading}
        placeholder={t('registry.resources.anyService')}
        value={chosenKinds}
        onChange={(ids) => onChange({ serviceKindId: ids.join(',') || null })}
        options={serviceKinds.options}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 260 }}
      />
      <DivisionPicker data-testid="resource-filter-division" value={value.divisionId ?? null} onChange={(divisionId) => onChange({ divisionId })} placeholder={t('registry.common.allDivisions')} style={{ width: 200 }} />
      <Select<ResourceKind[]>
        data-testid="resource-filter-kind"
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('registry.resources.allKinds')}
        value={someOf(resourceKinds, value.kind)}
        onChange={(kinds) => onChange({ kind: kinds.join(',') || null })}
        options={enumOptions(t, 'resourceKinds', resourceKinds)}
        style={{ width: 180 }}
      />
      <ArchivedSelect testId="resource-filter-archived" value={value.archived} onChange={(archived) => onChange({ archived })} />
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </Flex>
  );
}
