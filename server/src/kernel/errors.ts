import { errorStatus, type ErrorCode, type FieldError } from '@tongxin/core';

/**
 * An error a user can cause. `params` fill the translated message; an `entity` param that names a
 * key such as `entities.user` is translated too. `fields` carry untranslated message keys
 * (`validation.*`) that the error handler translates for the caller's language.
 *
 * @example
 * throw new AppError('version_conflict', { params: { entity: 'entities.user' } });
 */
export class AppError extends Error {
  readonly status: number;
  readonly params: Record<string, unknown>;
  readonly fields: Array<{ path: string; key: string; params?: Record<string, unknown> }>;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    readonly code: ErrorCode,
    options: {
      params?: Record<string, unknown>;
      fields?: Array<{ path: string; key: string; params?: Record<string, unknown> }>;
      details?: Record<string, unknown>;
    } = {},
  ) {
    super(code);
    this.status = errorStatus[code];
    this.params = options.params ?? {};
    this.fields = options.fields ?? [];
    this.details = options.details;
  }
}

/** A 400 about one field, e.g. `fieldError('body.divisionId', 'validation.division_level')`. */
export function fieldError(path: string, key: string, params?: Record<string, unknown>): AppError {
  return new AppError('validation_failed', { fields: [{ path, key, ...(params ? { params } : {}) }] });
}

export function notFound(entity: string): AppError {
  return new AppError('not_found', { params: { entity: `entities.${entity}` } });
}

export function versionConflict(entity: string): AppError {
  return new AppError('version_conflict', { params: { entity: `entities.${entity}` } });
}

export type { FieldError };
