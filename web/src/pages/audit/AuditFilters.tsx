import { useEffect, useState } from 'react';
import { Button, DatePicker, Flex, Input, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditFilters as Filters } from '../../api/audit.ts';

type Change = Partial<Record<keyof Filters | 'actorName', string | number | null>>;

interface Props {
  value: Filters;
  actorLabel: string | null;
  onChange: (changes: Change) => void;
  onReset: () => void;
}

/** Options from a locale section (`actions`, `entities`): the files list every known code. */
function useSectionOptions(section: 'actions' | 'entities') {
  const { t } = useTranslation();
  const labels = t(section, { returnObjects: true }) as unknown as Record<string, string>;
  // Codes labelled in the ux section (newer actions, entities the old section lacked) are options too.
  const more = t(section === 'actions' ? 'ux.actions' : 'ux.auditEntities', { returnObjects: true }) as unknown as Record<string, string>;
  return Object.entries({ ...more, ...labels }).map(([value, label]) => ({ value, label }));
}

export function AuditFilters({ value, actorLabel, onChange, onReset }: Props) {
  const { t } = useTranslation();
  const actions = useSectionOptions('actions');
  const entities = useSectionOptions('entities');
  const [entityId, setEntityId] = useState(value.entityId ?? '');
  useEffect(() => setEntityId(value.entityId ?? ''), [value.entityId]);
  const range: [Dayjs, Dayjs] | null = value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null;

  return (
    <Flex gap={8} wrap="wrap" align="center" data-testid="audit-filters">
      <Select
        data-testid="audit-filter-action"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('audit.allActions')}
        value={value.action}
        onChange={(action: string | undefined) => onChange({ action: action ?? null })}
        options={actions}
        style={{ width: 170 }}
      />
      <Select
        allowClear
        placeholder={t('audit.allEntities')}
        value={value.entity}
        onChange={(entity: string | undefined) => onChange({ entity: entity ?? null })}
        options={entities}
        style={{ width: 120 }}
      />
      <Input.Search
        allowClear
        placeholder={t('audit.entityId')}
        value={entityId}
        onChange={(event) => setEntityId(event.target.value)}
        onSearch={(text) => onChange({ entityId: text.trim() || null })}
        style={{ width: 140 }}
      />
      <DatePicker.RangePicker
        data-testid="audit-filter-period"
        value={range}
        allowEmpty={[true, true]}
        onChange={(dates) =>
          onChange({ from: dates?.[0]?.format('YYYY-MM-DD') ?? null, to: dates?.[1]?.format('YYYY-MM-DD') ?? null })
        }
        placeholder={[t('audit.from'), t('audit.to')]}
        disabledDate={(day) => day.isAfter(dayjs(), 'day')}
      />
      {value.actorId && (
        <Tag closable onClose={() => onChange({ actorId: null, actorName: null })} color="blue">
          {t('audit.actorFilter', { name: actorLabel ?? `#${value.actorId}` })}
        </Tag>
      )}
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </Flex>
  );
}
