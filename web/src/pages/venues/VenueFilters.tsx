import { Button, Flex, Select } from 'antd';
import type { VenueLevel, VenueType } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import { someOf, venueLevels, venueTypes } from '../../api/registry-enums.ts';
import type { VenueFilters as Filters } from '../../api/venues.ts';
import { ArchivedSelect } from '../../components/ArchivedSelect.tsx';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { BrandPicker } from '../../components/pickers.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';

export const starChoices = ['5', '4', '3', '2', '1', 'none'] as const;
type Change = Partial<Record<'q' | 'divisionId' | 'type' | 'level' | 'stars' | 'isPublic' | 'brandId' | 'archived', string | number | null>>;

/** Type, level, stars, public, division, brand, text: every change goes straight to the URL. */
export function VenueFilters({ value, onChange, onReset }: { value: Filters; onChange: (changes: Change) => void; onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap="wrap" data-testid="venue-filters">
      <SearchBox data-testid="venue-filter-q" value={value.q} onSearch={(q) => onChange({ q })} placeholder={t('venues.searchPlaceholder')} style={{ width: 200 }} />
      <DivisionPicker data-testid="venue-filter-division" value={value.divisionId ?? null} onChange={(divisionId) => onChange({ divisionId })} placeholder={t('registry.common.allDivisions')} style={{ width: 200 }} />
      <Select<VenueType[]>
        data-testid="venue-filter-type"
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('registry.common.allTypes')}
        value={someOf(venueTypes, value.type)}
        onChange={(types) => onChange({ type: types.join(',') || null })}
        options={enumOptions(t, 'venueTypes', venueTypes)}
        style={{ width: 200 }}
      />
      <Select<VenueLevel[]>
        data-testid="venue-filter-level"
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('registry.venues.allLevels')}
        value={someOf(venueLevels, value.level)}
        onChange={(levels) => onChange({ level: levels.join(',') || null })}
        options={enumOptions(t, 'venueLevels', venueLevels)}
        style={{ width: 170 }}
      />
      <Select<string[]>
        data-testid="venue-filter-stars"
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('registry.venues.allStars')}
        value={someOf(starChoices, value.stars)}
        onChange={(stars) => onChange({ stars: stars.join(',') || null })}
        options={starChoices.map((stars) => ({ value: stars, label: stars === 'none' ? t('venues.unrated') : t('registry.venues.stars', { count: Number(stars) }) }))}
        style={{ width: 150 }}
      />
      <Select<'true' | 'false'>
        data-testid="venue-filter-public"
        allowClear
        placeholder={t('registry.common.allPublic')}
        value={value.isPublic}
        onChange={(isPublic) => onChange({ isPublic: isPublic ?? null })}
        options={[
          { value: 'true', label: t('registry.common.public') },
          { value: 'false', label: t('registry.common.notPublic') },
        ]}
        style={{ width: 120 }}
      />
      <BrandPicker data-testid="venue-filter-brand" value={value.brandId ?? null} onChange={(brandId) => onChange({ brandId })} placeholder={t('registry.venues.anyBrand')} style={{ width: 180 }} />
      <ArchivedSelect testId="venue-filter-archived" value={value.archived} onChange={(archived) => onChange({ archived })} />
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </Flex>
  );
}
