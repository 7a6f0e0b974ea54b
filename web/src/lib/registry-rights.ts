import { isOffice } from '@tongxin/core';
import type { Me } from '../api/auth.ts';

/**
 * Whether the UI offers registry writes (create, import) at all: administrators and staff keep the
 * registry of their subtree. Records carry `allowed` for what may be done to each; the API decides.
 */
export function writesRegistry(me: Me | null | undefined): boolean {
  return Boolean(me && isOffice(me));
}

/** The managed list of service kinds is one list for the whole tree: system administrators only. */
export function isSystemAdmin(me: Me | null | undefined): boolean {
  return Boolean(me?.roles.includes('system_admin'));
}
