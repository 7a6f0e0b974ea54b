import type { DatabaseHandle } from '../../server/src/db/database.ts';

/**
 * The dashboard module's rollups after a bulk load. Filled in when the dashboard module lands; until
 * then there is nothing to rebuild.
 */
export async function beforeBulkLoad(_handle: DatabaseHandle): Promise<void> {}

export async function afterBulkLoad(_handle: DatabaseHandle): Promise<string> {
  return 'no rollups (dashboard module not present)';
}
