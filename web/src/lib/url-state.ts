import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

type Value = string | number | null | undefined;

/**
 * Filters and the current page live in the URL query string, so a list can be bookmarked, shared
 * with a colleague, and is still filtered after a reload or the browser's Back button.
 */
export function useUrlState() {
  const [params, setParams] = useSearchParams();

  const get = useCallback((key: string): string | undefined => params.get(key) ?? undefined, [params]);

  const getNumber = useCallback(
    (key: string, fallback?: number): number | undefined => {
      const value = Number(params.get(key));
      return Number.isInteger(value) && value > 0 ? value : fallback;
    },
    [params],
  );

  /** Set some keys; empty values are removed. Any change of filter goes back to page 1 unless given. */
  const set = useCallback(
    (changes: Record<string, Value>, options: { keepPage?: boolean } = {}) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined || value === null || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          if (!options.keepPage && !('page' in changes)) next.delete('page');
          return next;
        },
        { replace: false },
      );
    },
    [setParams],
  );

  const clear = useCallback(() => setParams(new URLSearchParams()), [setParams]);

  return useMemo(() => ({ get, getNumber, set, clear, params }), [get, getNumber, set, clear, params]);
}
