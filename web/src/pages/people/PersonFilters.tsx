import { Button, Flex, Select } from 'antd';
import type { MembershipRole } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import type { PersonFilters as Filters } from '../../api/people.ts';
import { membershipRoles } from '../../api/registry-enums.ts';
import { ArchivedSelect } from '../../components/ArchivedSelect.tsx';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { OrganisationPicker } from '../../components/pickers.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';

type Change = Partial<Record<'q' | 'divisionId' | 'organisationId' | 'role' | 'archived', string | number | null>>;

/** Text, division subtree, organisation, role, archived: every change goes straight to the URL. */
export function PersonFilters({ value, onChange, onReset }: { value: Filters; onChange: (changes: Change) => void; onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap="wrap" data-testid="person-filters">
      <SearchBox data-testid="person-filter-q" value={value.q} onSearch={(q) => onChange({ q })} placeholder={t('people.searchPlaceholder')} />
      <DivisionPicker data-testid="person-filter-division" value={value.divisionId ?? null} onChange={(divisionId) => onChange({ divisionId })} placeholder={t('registry.common.allDivisions')} style={{ width: 220 }} />
      <OrganisationPicker data-testid="person-filter-organisation" value={value.organisationId ?? null} onChange={(organisationId) => onChange({ organisationId })} placeholder={t('registry.people.anyOrganisation')} style={{ width: 220 }} />
      <Select<MembershipRole>
        data-testid="person-filter-role"
        allowClear
        placeholder={t('registry.memberships.allRoles')}
        value={value.role}
        onChange={(role) => onChange({ role: role ?? null })}
        options={enumOptions(t, 'membershipRoles', membershipRoles)}
        style={{ width: 130 }}
      />
      <ArchivedSelect testId="person-filter-archived" value={value.archived} onChange={(archived) => onChange({ archived })} />
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </Flex>
  );
}
