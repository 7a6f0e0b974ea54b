import { Button, Checkbox, Flex, Select } from 'antd';
import { projectStatuses, type ProjectStatus } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import type { ProjectFilters as Filters } from '../../api/projects.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { OrganisationPicker } from '../../components/pickers.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';

type Change = Partial<Record<'q' | 'status' | 'divisionId' | 'organisationId' | 'overdue', string | number | null>>;

/** Status, division, responsible unit, overdue only, text: every change goes straight to the URL. */
export function ProjectFilters({ value, onChange, onReset }: { value: Filters; onChange: (changes: Change) => void; onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap="wrap" align="center" data-testid="project-filters">
      <SearchBox data-testid="project-filter-q" value={value.q} onSearch={(q) => onChange({ q })} placeholder={t('work.projects.searchPlaceholder')} style={{ width: 200 }} />
      <Select<ProjectStatus>
        data-testid="project-filter-status"
        allowClear
        placeholder={t('work.projects.allStatuses')}
        value={value.status}
        onChange={(status) => onChange({ status: status ?? null })}
        options={enumOptions(t, 'projectStatuses', projectStatuses)}
        style={{ width: 140 }}
      />
      <DivisionPicker data-testid="project-filter-division" value={value.divisionId ?? null} onChange={(divisionId) => onChange({ divisionId })} placeholder={t('work.common.allDivisions')} style={{ width: 200 }} />
      <OrganisationPicker
        data-testid="project-filter-unit"
        value={value.organisationId ?? null}
        onChange={(organisationId) => onChange({ organisationId })}
        placeholder={t('work.projects.anyUnit')}
        style={{ width: 200 }}
      />
      <Checkbox data-testid="project-filter-overdue" checked={value.overdue === 'true'} onChange={(event) => onChange({ overdue: event.target.checked ? 'true' : null })}>
        {t('work.projects.overdueOnly')}
      </Checkbox>
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </Flex>
  );
}
