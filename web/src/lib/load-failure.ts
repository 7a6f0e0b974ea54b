import { ApiError } from '../api/client.ts';

/**
 * Whether trying again could help. Only a server fault (5xx) or a lost connection may pass on a
 * second try; a refusal (403 no right / out of scope, 404 unknown id, 400 bad address) answers the
 * same every time, so its page offers the way home instead of a "retry" that only repeats it.
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true; // a thrown TypeError from fetch: the network
  // status 0: fetch itself failed; a proxy's own 4xx page keeps its status and is not retried.
  return error.status === 0 || error.status >= 500 || error.status === 408 || error.status === 429;
}

/** The status a failed load page shows: 403 and 404 get their own pictures, everything else a warning. */
export function failureStatus(error: unknown): '403' | '404' | 'warning' {
  if (error instanceof ApiError && error.status === 403) return '403';
  if (error instanceof ApiError && error.status === 404) return '404';
  return 'warning';
}
