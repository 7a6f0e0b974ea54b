import { Flex, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { appliedFilters, type AppliedFilterDef } from '../lib/applied-filters.ts';
import { useUrlState } from '../lib/url-state.ts';

/** Closable chips for the filters a list applies from its address without a control in its bar. */
export function AppliedFilterTags({ defs, testId }: { defs: readonly AppliedFilterDef[]; testId?: string }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const url = useUrlState();
  const chips = appliedFilters(params, defs);
  if (chips.length === 0) return null;
  return (
    <Flex gap={4} wrap="wrap" align="center" data-testid={testId ?? 'applied-filters'}>
      <Typography.Text type="secondary">{t('ux.filters.alsoFiltered')}</Typography.Text>
      {chips.map((chip) => (
        <Tag key={chip.key} closable onClose={() => url.set(chip.clear)} data-testid={`applied-filter-${chip.key}`} closeIcon={<span aria-label={t('ux.filters.clear', { filter: chip.text })}>×</span>}>
          {chip.text}
        </Tag>
      ))}
    </Flex>
  );
}
