import { translate, type FieldError, type Locale } from '@tongxin/core';
import type { FastifySchemaCompiler } from 'fastify';
import { forbiddenControl, stripBidiControls } from '@tongxin/core/input-text';
import { z } from 'zod';

/** Carries Zod's issues to the error handler, which translates them for the caller. */
export class SchemaValidationError extends Error {
  validationContext?: string;
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super('validation_failed');
  }
}

/** A field whose name ends in "name" (name, displayName, organisationName…) is a name. */
const nameField = /name$/i;
/** Deeper than any form: past this a value is left to its schema (which refuses such nesting). */
const maxDepth = 64;

/**
 * The one place that screens sent text, before any schema or handler sees it: every string (and
 * object key) of a body, query or path with a control character other than tab, newline and CR is
 * a field-level 400 (NUL answered 500 on PostgreSQL before); names lose bidi overrides, which can
 * make a name display as another. Returns the issues; fixes names in place.
 */
export function screenText(value: unknown, path: PropertyKey[] = [], issues: z.core.$ZodIssue[] = [], depth = 0): z.core.$ZodIssue[] {
  if (depth > maxDepth || value === null || typeof value !== 'object') return issues;
  const container = value as Record<string, unknown>;
  for (const key of Object.keys(container)) {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    if (forbiddenControl.test(key)) issues.push({ code: 'custom', path: at, message: controlKey, input: key } as z.core.$ZodIssue);
    const item = container[key];
    if (typeof item === 'string') {
      if (forbiddenControl.test(item)) issues.push({ code: 'custom', path: at, message: controlKey, input: item } as z.core.$ZodIssue);
      else if (nameField.test(key)) container[key] = stripBidiControls(item);
    } else if (item !== null && typeof item === 'object') {
      screenText(item, at, issues, depth + 1);
    }
  }
  return issues;
}

const controlKey = 'abuse.control_characters';
const screenedParts = new Set(['body', 'querystring', 'params']);

/**
 * Fastify's validator compiler for Zod schemas. Unlike the type provider's own, it keeps the raw
 * issues so that messages can be written in the language of whoever sent the request.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    if (httpPart && screenedParts.has(httpPart)) {
      // A bare string body has no field to name: screen it as the body itself.
      const issues = typeof data === 'string' ? (forbiddenControl.test(data) ? [{ code: 'custom', path: [], message: controlKey, input: data } as z.core.$ZodIssue] : []) : screenText(data);
      if (issues.length) return { error: new SchemaValidationError(issues) };
    }
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new SchemaValidationError(result.error.issues) };
  };

const fieldKeys: Record<string, string> = {
  invalid_value: 'validation.invalid_value',
  invalid_format: 'validation.invalid_format',
  invalid_union: 'validation.invalid_value',
  invalid_key: 'validation.invalid_value',
  invalid_element: 'validation.invalid_value',
  not_multiple_of: 'validation.invalid_value',
};

/** One Zod issue → one translated field message. */
export function translateIssue(issue: z.core.$ZodIssue, prefix: string, locale: Locale): FieldError {
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  const message = (key: string, params: Record<string, unknown> = {}) => ({
    path,
    message: translate(locale, key, params),
  });
  // A schema's own message is a locale key (`validation.phone`): use it as written.
  // A section's own validation keys (`participants.validation.…`, `abuse.…`) are locale keys as well.
  if (issue.message.startsWith('validation.') || issue.message.startsWith('abuse.') || /^[a-zA-Z]+\.validation\./.test(issue.message)) return message(issue.message);
  // Nothing sent for a field that needs a value reads "required", whatever kind of value it wanted.
  const input = (issue as { input?: unknown }).input;
  if ((input === undefined || input === null) && ['invalid_type', 'invalid_value', 'invalid_union'].includes(issue.code)) {
    return message('validation.required');
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return message('validation.not_integer');
      return message('validation.invalid_type');
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') {
        return minimum <= 1 ? message('validation.required') : message('validation.too_short', { minimum });
      }
      if (issue.origin === 'array' || issue.origin === 'set') return message('validation.too_few', { minimum });
      return message('validation.too_small', { minimum });
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return message('validation.too_long', { maximum });
      if (issue.origin === 'array' || issue.origin === 'set') return message('validation.too_many', { maximum });
      return message('validation.too_big', { maximum });
    }
    case 'unrecognized_keys':
      return message('validation.unrecognized_keys', { keys: issue.keys.join(', ') });
    default:
      return message(fieldKeys[issue.code] ?? 'validation.invalid_value');
  }
}
