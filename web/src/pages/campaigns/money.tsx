import { tryParseFen } from '@tongxin/core/money';
import { formatMoney } from '../../lib/money.ts';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';

/**
 * Money on screen: integer fen from the API, shown as users expect it (万元 from 1万 up) by core's
 * formatFen in the page's language (lib/money.ts) — never through floating point.
 */
export function Fen({ fen, unit, testId }: { fen: number | null | undefined; unit?: 'yuan' | 'wan' | 'yi' | 'auto'; testId?: string }) {
  return (
    <span className="tx-numeric" data-testid={testId} data-fen={fen ?? undefined}>
      {fen === null || fen === undefined ? '—' : formatMoney(fen, { unit: unit ?? 'auto' })}
    </span>
  );
}

/** Read a typed amount: a bare number is 万元 (the field says so); `1920万`, `34.6万元`, `5,000元` also work. */
export function fenOf(typed: string): number {
  const result = tryParseFen(typed, { defaultUnit: 'wan' });
  if (!result.ok) throw new Error(result.reason);
  return result.fen;
}

/** A form rule for an amount field in 万元: readable, positive, at most to the fen. */
export function moneyRule(t: TFunction): Rule {
  return {
    validator: async (_rule, value: string | undefined) => {
      if (value === undefined || value === null || String(value).trim() === '') return;
      const result = tryParseFen(String(value), { defaultUnit: 'wan' });
      if (!result.ok) throw new Error(t('judgingWeb.money.invalid'));
      if (result.fen <= 0) throw new Error(t('judgingWeb.money.positive'));
    },
  };
}
