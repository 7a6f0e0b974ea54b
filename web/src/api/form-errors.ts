import type { FormInstance } from 'antd';
import { ApiError } from './client.ts';

/**
 * Put the server's field messages under the fields they belong to. The server names fields by
 * request path (`body.phone`, `body.roles.1`); our forms name them by the top-level key, so the
 * `body.` prefix and any array index are dropped and messages for one field are joined.
 *
 * @returns true when at least one message landed on a field of the form
 */
export function applyFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.fields.length === 0) return false;
  const known = new Set(form.getFieldsError().map((entry) => String(entry.name[0])));
  const byField = new Map<string, string[]>();
  for (const field of error.fields) {
    const [scope, name] = field.path.split('.');
    if (scope !== 'body' || !name || !known.has(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), field.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}

/** The text to show for a failure no form field shows: the server's translated message, or the fallback. */
export function messageOf(error: unknown, fallback: string): string {
  if (!(error instanceof ApiError)) return fallback;
  // Field messages that no form field shows (a query parameter, say) must still be seen.
  const extra = error.fields.map((field) => field.message).join('; ');
  return extra ? `${error.message} (${extra})` : error.message;
}
