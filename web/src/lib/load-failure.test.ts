import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { failureStatus, isRetryable } from './load-failure.ts';

const refused = (status: number, code = 'forbidden') => new ApiError(status, { code, message: 'x' } as never);

describe('isRetryable', () => {
  it('offers retry for a lost connection and server faults only', () => {
    expect(isRetryable(new ApiError(0, { code: 'network', message: 'offline' }))).toBe(true);
    expect(isRetryable(refused(500, 'internal'))).toBe(true);
    expect(isRetryable(refused(503, 'network'))).toBe(true);
    expect(isRetryable(new TypeError('Failed to fetch'))).toBe(true);
  });
  it('offers no retry for a refusal that would answer the same again', () => {
    expect(isRetryable(refused(403))).toBe(false);
    expect(isRetryable(refused(403, 'out_of_scope'))).toBe(false);
    expect(isRetryable(refused(404, 'not_found'))).toBe(false);
    expect(isRetryable(refused(400, 'validation'))).toBe(false);
  });
});

describe('failureStatus', () => {
  it('pictures 403 and 404 as such and everything else as a warning', () => {
    expect(failureStatus(refused(403))).toBe('403');
    expect(failureStatus(refused(404))).toBe('404');
    expect(failureStatus(refused(500))).toBe('warning');
    expect(failureStatus(new Error('x'))).toBe('warning');
  });
});
