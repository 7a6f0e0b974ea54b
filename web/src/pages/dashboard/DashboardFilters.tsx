import { DatePicker, Flex, Segmented } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';

export const presets = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear', 'lastYear'] as const;
export type Preset = (typeof presets)[number];

const fmt = (d: Dayjs) => d.format('YYYY-MM-DD');

/** A named period as Shanghai dates; "this …" periods end today (figures cannot come from tomorrow). */
export function presetRange(preset: Preset, today: Dayjs): { from: string; to: string } {
  const quarterStart = today.month(Math.floor(today.month() / 3) * 3).startOf('month');
  switch (preset) {
    case 'thisMonth':
      return { from: fmt(today.startOf('month')), to: fmt(today) };
    case 'lastMonth': {
      const last = today.subtract(1, 'month');
      return { from: fmt(last.startOf('month')), to: fmt(last.endOf('month')) };
    }
    case 'thisQuarter':
      return { from: fmt(quarterStart), to: fmt(today) };
    case 'thisYear':
      return { from: fmt(today.startOf('year')), to: fmt(today) };
    case 'lastYear': {
      const last = today.subtract(1, 'year');
      return { from: fmt(last.startOf('year')), to: fmt(last.endOf('year')) };
    }
  }
}

interface Props {
  divisionId: number | null;
  from: string;
  to: string;
  today: Dayjs;
  onChange: (changes: { divisionId?: number | null; from?: string; to?: string }) => void;
}

/** The division subtree and the period every figure on the page follows. */
export function DashboardFilters({ divisionId, from, to, today, onChange }: Props) {
  const { t } = useTranslation();
  const active = presets.find((preset) => {
    const range = presetRange(preset, today);
    return range.from === from && range.to === to;
  });
  return (
    <Flex gap={12} wrap="wrap" align="center">
      <DivisionPicker
        value={divisionId}
        onChange={(value) => onChange({ divisionId: value })}
        allowClear={false}
        placeholder={t('dashboard.division')}
        style={{ width: 220 }}
        data-testid="dashboard-division"
      />
      <Segmented<Preset | 'custom'>
        data-testid="dashboard-presets"
        value={active ?? 'custom'}
        options={[...presets.map((preset) => ({ value: preset, label: <span data-testid={`dashboard-preset-${preset}`}>{t(`dashboard.presets.${preset}`)}</span> })), { value: 'custom', label: t('dashboard.presets.custom'), disabled: true }]}
        onChange={(value) => value !== 'custom' && onChange(presetRange(value, today))}
      />
      <DatePicker.RangePicker
        data-testid="dashboard-range"
        allowClear={false}
        value={[dayjs(from), dayjs(to)]}
        onChange={(range) => {
          if (range?.[0] && range[1]) onChange({ from: fmt(range[0]), to: fmt(range[1]) });
        }}
      />
    </Flex>
  );
}
