import { Button, DatePicker, Flex, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ArticleFilters as Filters } from '../../api/articles.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { OrganisationPicker } from '../../components/pickers.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { levelOptions, useMedia } from './article-shared.tsx';

type Key = 'q' | 'level' | 'mediumId' | 'organisationId' | 'divisionId' | 'from' | 'to' | 'duplicates' | 'archived';
type Change = Partial<Record<Key, string | number | null>>;

/** Text, medium level, medium, mentioned organisation, period, division, copies, archived: each change goes to the URL. */
export function ArticleFilters({ value, onChange, onReset }: { value: Filters; onChange: (changes: Change) => void; onReset: () => void }) {
  const { t } = useTranslation();
  const { data: media } = useMedia('all');
  return (
    <Flex gap={8} wrap="wrap" data-testid="article-filters">
      <SearchBox data-testid="article-filter-q" value={value.q} onSearch={(q) => onChange({ q })} placeholder={t('publicity.articles.searchPlaceholder')} style={{ width: 200 }} />
      <Select<string[]>
        data-testid="article-filter-level"
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('publicity.articles.allLevels')}
        value={value.level ? value.level.split(',') : []}
        onChange={(levels) => onChange({ level: levels.length ? levels.join(',') : null })}
        options={levelOptions(t, true)}
        style={{ width: 200 }}
      />
      <Select<number>
        data-testid="article-filter-medium"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('publicity.articles.anyMedium')}
        value={value.mediumId}
        onChange={(mediumId) => onChange({ mediumId: mediumId ?? null })}
        options={(media ?? []).map((medium) => ({ value: medium.id, label: medium.name }))}
        style={{ width: 160 }}
      />
      <OrganisationPicker
        data-testid="article-filter-organisation"
        value={value.organisationId ?? null}
        onChange={(organisationId) => onChange({ organisationId })}
        placeholder={t('publicity.articles.mentioning')}
        style={{ width: 180 }}
      />
      <DatePicker.RangePicker
        data-testid="article-filter-period"
        value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
        onChange={(range) => onChange({ from: range?.[0]?.format('YYYY-MM-DD') ?? null, to: range?.[1]?.format('YYYY-MM-DD') ?? null })}
        allowEmpty={[true, true]}
        style={{ width: 250 }}
      />
      <DivisionPicker data-testid="article-filter-division" value={value.divisionId ?? null} onChange={(divisionId) => onChange({ divisionId })} placeholder={t('work.common.allDivisions')} style={{ width: 180 }} />
      <Select
        data-testid="article-filter-duplicates"
        value={value.duplicates ?? 'include'}
        onChange={(duplicates) => onChange({ duplicates: duplicates === 'include' ? null : duplicates })}
        options={(['include', 'exclude', 'only'] as const).map((option) => ({ value: option, label: t(`publicity.articles.duplicates.${option}`) }))}
        style={{ width: 140 }}
      />
      <Select
        data-testid="article-filter-archived"
        value={value.archived ?? 'false'}
        onChange={(archived) => onChange({ archived: archived === 'false' ? null : archived })}
        options={(['false', 'true', 'all'] as const).map((option) => ({ value: option, label: t(`publicity.articles.archivedStates.${option}`) }))}
        style={{ width: 120 }}
      />
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </Flex>
  );
}
