import { meKey, type Me } from '../api/auth.ts';
import { setUnauthenticatedHandler } from '../api/client.ts';
import { queryClient } from './query-client.ts';

/**
 * Forget the session and every cached record: after sign-out, or when any call answers 401, the
 * next user of this browser must not see the last one's data. Setting `me` to null makes the
 * route guard send the user to the sign-in page.
 */
export function forgetSession(): void {
  queryClient.setQueryData<Me | null>(meKey, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
}

setUnauthenticatedHandler(forgetSession);

/** Only a path of this site may be the target after sign-in (no `//evil.example`). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';
}
