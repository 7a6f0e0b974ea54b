import { useState } from 'react';
import { InputNumber, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { rangeProblem } from '../lib/number-rules.ts';

const yearRange = { min: 2000, max: 2100, integer: true };

/**
 * A list's year filter. A year outside 2000–2100 stays as typed, is marked and says why, and is not
 * applied (InputNumber's own min/max would silently turn 1999 into 2000 and filter by that).
 */
export function YearFilter({ value, onChange, 'data-testid': testId }: { value: number | null; onChange: (year: number | null) => void; 'data-testid'?: string }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState<number | null>(value);
  const problem = rangeProblem(typed, yearRange);
  return (
    <Tooltip open={problem ? undefined : false} title={problem ? t(problem.key, problem.params) : null}>
      <InputNumber
        placeholder={t('judgingWeb.competitions.year')}
        aria-label={t('judgingWeb.competitions.year')}
        value={typed}
        status={problem ? 'error' : undefined}
        onChange={(year) => {
          const next = typeof year === 'number' ? year : null;
          setTyped(next);
          if (!rangeProblem(next, yearRange)) onChange(next);
        }}
        style={{ width: 100 }}
        data-testid={testId}
      />
    </Tooltip>
  );
}
