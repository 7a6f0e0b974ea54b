import dayjs, { type Dayjs } from 'dayjs';
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.ts';
import { applyFieldErrors, messageOf } from '../api/form-errors.ts';

/** Form.Item props that keep a `YYYY-MM-DD` string in the form while a DatePicker edits it. */
export const dateField = {
  getValueProps: (value: unknown) => ({ value: typeof value === 'string' && value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null),
};

/** A trimmed text, or null for nothing typed. */
export function textOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * The fields of `after` that differ from `before`: an update sends only those (and the version),
 * so a field someone else changed meanwhile is not overwritten with what this form loaded.
 */
export function changedFields<T extends object>(before: T, after: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    const a = after[key];
    const b = before[key];
    const same = Array.isArray(a) && Array.isArray(b) ? [...a].sort().join() === [...b].sort().join() : a === b;
    if (!same) changes[key] = a;
  }
  return changes;
}

/**
 * A phone field of a record whose number the server only shows masked: the form starts with the
 * masked text; left as it is, the number is not sent (unchanged); cleared, it is removed.
 */
export function phoneChange(masked: string | null, typed: string | null | undefined): string | null | undefined {
  const value = textOrNull(typed);
  if (masked !== null && value === masked) return undefined;
  return value;
}

/**
 * After a failed save: a 409 (someone changed the record meanwhile) shows the server's message and
 * reloads the record; field messages go under their fields; anything else is a message.
 */
export async function reportSaveError(
  error: unknown,
  form: FormInstance,
  notify: (text: string) => void,
  fallback: string,
  reload: () => Promise<unknown>,
): Promise<void> {
  if (error instanceof ApiError && error.code === 'version_conflict') {
    notify(error.message);
    await reload();
    return;
  }
  if (error instanceof ApiError && error.code === 'duplicate' && form.getFieldsError().some((field) => field.name[0] === 'name')) {
    form.setFields([{ name: 'name', errors: [error.message] }]);
    return;
  }
  if (!applyFieldErrors(form, error)) notify(messageOf(error, fallback));
}
