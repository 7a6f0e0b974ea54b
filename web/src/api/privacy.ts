import type { PhoneReport } from '@tongxin/core';
import { api } from './client.ts';

/** Every record of the subtree storing a phone number (administrators; the server audits each ask). */
export function phoneReport(phone: string): Promise<PhoneReport> {
  return api.get<PhoneReport>('/api/privacy/phone-report', { phone });
}
