import { officeRoles } from '@tongxin/core';
import { anyone, only, pub, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const outboxAccess: AccessTable = {
  'GET /api/outbox/messages': { ...only(officeRoles, 'the delivery log of the caller’s subtree'), unscoped: true },
  'GET /api/outbox/preferences': { ...anyone, note: 'the caller’s own choices' },
  'PUT /api/outbox/preferences': { ...anyone, note: 'the caller’s own choices' },
  'POST /api/outbox/opt-outs': { ...only(officeRoles, 'a phone number belongs to no division'), unscoped: true },
  'POST /api/public/sms/aliyun/:token/report': { ...pub, answers: [200, 404], note: 'Alibaba Cloud SMS delivery reports (HTTP batch push); the token is SMS_CALLBACK_TOKEN' },
  'POST /api/public/sms/aliyun/:token/up': { ...pub, answers: [200, 404], note: 'Alibaba Cloud SMS replies (上行): TD opts the number out' },
};
