import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArchivedState } from '../api/registry-enums.ts';

/** In use (the default), archived, or both. */
export function ArchivedSelect({ value, onChange, testId }: { value: ArchivedState | undefined; onChange: (value: ArchivedState | null) => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Select<ArchivedState>
      data-testid={testId}
      value={value ?? 'false'}
      onChange={(next) => onChange(next === 'false' ? null : next)}
      options={[
        { value: 'false', label: t('registry.common.inUse') },
        { value: 'true', label: t('registry.common.archivedOnly') },
        { value: 'all', label: t('registry.common.inUseAndArchived') },
      ]}
      style={{ width: 130 }}
    />
  );
}
