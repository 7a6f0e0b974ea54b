import { translate, type ImportRowProblem, type Locale } from '@tongxin/core';
import type { z } from 'zod';
import { AppError } from '../../kernel/errors.ts';
import { translateIssue } from '../../http/validation.ts';
import type { AnyImportDefinition, RowProblem } from './import-definition.ts';

/**
 * A row problem as staged (JSON in `import_rows.errors`): either a locale key with parameters, or
 * the essentials of a Zod issue. Issues are stored rather than translated so that the preview
 * speaks the language of whoever reads it, through the same `translateIssue` the API uses.
 */
export type StoredProblem =
  | { column: string | null; key: string; params?: Record<string, unknown> }
  | { column: string | null; issue: StoredIssue };

interface StoredIssue {
  code: string;
  message: string;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  expected?: string;
  keys?: string[];
  /** The cell was empty (Zod's `input` was undefined). */
  missing: boolean;
}

/** A schema message written as a locale key (`validation.phone`) rather than Zod's English. */
const localeKey = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/i;

/** Zod issues of one row → one stored problem per column (the first, as the API does). */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[]): StoredProblem[] {
  const byColumn = new Map<string, StoredProblem>();
  for (const issue of issues) {
    const column = issue.path.length > 0 ? String(issue.path[0]) : '';
    if (byColumn.has(column)) continue;
    if (localeKey.test(issue.message) && !issue.message.startsWith('validation.')) {
      byColumn.set(column, { column: column || null, key: issue.message });
      continue;
    }
    const loose = issue as unknown as Record<string, unknown>;
    const stored: StoredIssue = {
      code: issue.code,
      message: issue.message,
      missing: issue.input === undefined || issue.input === null,
      ...(loose.origin !== undefined ? { origin: String(loose.origin) } : {}),
      ...(loose.minimum !== undefined ? { minimum: loose.minimum } : {}),
      ...(loose.maximum !== undefined ? { maximum: loose.maximum } : {}),
      ...(loose.expected !== undefined ? { expected: String(loose.expected) } : {}),
      ...(Array.isArray(loose.keys) ? { keys: loose.keys.map(String) } : {}),
    };
    byColumn.set(column, { column: column || null, issue: stored });
  }
  return [...byColumn.values()];
}

/** A definition's own problems (from `resolve`) in the stored form. */
export function problemsFromRow(problems: readonly RowProblem[]): StoredProblem[] {
  return problems.map((problem) => ({
    column: problem.column ?? null,
    key: problem.message,
    ...(problem.params ? { params: problem.params } : {}),
  }));
}

/** An `AppError` a definition threw while resolving one row, as that row's problems. */
export function problemsFromAppError(error: AppError): StoredProblem[] {
  if (error.fields.length === 0) return [{ column: null, key: `errors.${error.code}`, params: error.params }];
  return error.fields.map((field) => ({
    column: field.path.split('.').pop() ?? null,
    key: field.key,
    ...(field.params ? { params: field.params } : {}),
  }));
}

/**
 * Stored problems → what the preview shows: the column's header as the template writes it and
 * a message in the reader's language.
 *
 * @example
 * translateProblems(def, [{ column: 'name', key: 'validation.required' }], 'zh-CN')
 * // [{ column: '名称', message: '必填' }]
 */
export function translateProblems(definition: AnyImportDefinition | undefined, problems: StoredProblem[], locale: Locale): ImportRowProblem[] {
  const header = (key: string | null) =>
    key === null ? null : (definition?.columns.find((column) => column.key === key)?.header ?? key);
  return problems.map((problem) => {
    if ('key' in problem) return { column: header(problem.column), message: translate(locale, problem.key, problem.params ?? {}) };
    const { missing, ...rest } = problem.issue;
    // Rebuilt just far enough for translateIssue, which reads code, message, bounds and input.
    const issue = { ...rest, path: [], input: missing ? undefined : '' } as unknown as z.core.$ZodIssue;
    return { column: header(problem.column), message: translateIssue(issue, '', locale).message };
  });
}
