import { useEffect, useState } from 'react';
import { Button, Flex, Input, Select } from 'antd';
import type { Role } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { roleOptions } from './role-options.ts';

export interface UserFilterValues {
  q?: string;
  role?: Role;
  disabled?: 'true' | 'false';
  divisionId?: number;
}

/** The filter bar; every change goes straight to the URL (the caller's `onChange`). */
export function UserFilters({ value, onChange, onReset }: { value: UserFilterValues; onChange: (changes: Partial<Record<keyof UserFilterValues, string | number | null>>) => void; onReset: () => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [typed, setTyped] = useState(value.q ?? '');

  useEffect(() => setTyped(value.q ?? ''), [value.q]);

  return (
    <Flex gap={8} wrap="wrap" data-testid="user-filters">
      <Input.Search
        data-testid="user-filter-q"
        allowClear
        placeholder={t('users.searchPlaceholder')}
        value={typed}
        onChange={(event) => {
          setTyped(event.target.value);
          // Clearing with the ✕ shows everyone again without another click.
          if (event.target.value === '') onChange({ q: null });
        }}
        onSearch={(text) => onChange({ q: text.trim() || null })}
        style={{ width: 220 }}
      />
      <DivisionPicker
        data-testid="user-filter-division"
        value={value.divisionId ?? null}
        onChange={(divisionId) => onChange({ divisionId })}
        placeholder={t('users.allDivisions')}
        style={{ width: 220 }}
      />
      <Select<Role>
        data-testid="user-filter-role"
        allowClear
        placeholder={t('users.allRoles')}
        value={value.role}
        onChange={(role) => onChange({ role: role ?? null })}
        options={roleOptions(t, me).map((option) => ({ ...option, disabled: false }))}
        style={{ width: 150 }}
      />
      <Select<'true' | 'false'>
        data-testid="user-filter-status"
        allowClear
        placeholder={t('users.allStatuses')}
        value={value.disabled}
        onChange={(disabled) => onChange({ disabled: disabled ?? null })}
        options={[
          { value: 'false', label: t('users.active') },
          { value: 'true', label: t('users.disabled') },
        ]}
        style={{ width: 130 }}
      />
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </Flex>
  );
}
