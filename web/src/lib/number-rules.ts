import type { FormRule } from 'antd';

/** The limits a number field accepts. Any side may be left open. */
export interface NumberRange {
  min?: number;
  max?: number;
  integer?: boolean;
}

/** Why a typed number is refused, as a `validation.*` locale key with its parameters; null when it fits. */
export interface RangeProblem {
  key: 'validation.too_small' | 'validation.too_big' | 'validation.not_integer';
  params: Record<string, number>;
}

/**
 * Checks a typed number against its field's limits. Empty is left to `required`.
 *
 * Ant Design's InputNumber with `min`/`max` silently replaces 35 with 30 on blur, and the form then
 * saves a figure the user never typed. Number fields therefore carry no `min`/`max` and are checked
 * with this instead: the value stays as typed and the field says why it is refused.
 *
 * @example rangeProblem(35, { min: 0, max: 30 }) // { key: 'validation.too_big', params: { maximum: 30 } }
 */
export function rangeProblem(value: unknown, range: NumberRange): RangeProblem | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return { key: 'validation.not_integer', params: {} };
  if (range.integer && !Number.isInteger(n)) return { key: 'validation.not_integer', params: {} };
  if (range.min !== undefined && n < range.min) return { key: 'validation.too_small', params: { minimum: range.min } };
  if (range.max !== undefined && n > range.max) return { key: 'validation.too_big', params: { maximum: range.max } };
  return null;
}

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** A form rule refusing numbers outside `range` with the field's message in the user's language. */
export function rangeRule(t: Translate, range: NumberRange): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const problem = rangeProblem(value, range);
      if (problem) throw new Error(t(problem.key, problem.params));
    },
  };
}
