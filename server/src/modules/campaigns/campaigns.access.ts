import { anyone, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const campaignsAccess: AccessTable = {
  'GET /api/campaigns': anyone,
  'GET /api/campaigns/overdue-pledges': anyone,
  'POST /api/campaigns': anyone,
  'GET /api/campaigns/:id': anyone,
  'PATCH /api/campaigns/:id': anyone,
  'POST /api/campaigns/:id/archive': anyone,
  'POST /api/campaigns/:id/unarchive': anyone,
  'GET /api/campaigns/:id/pledges': anyone,
  'POST /api/campaigns/:id/pledges': anyone,
  'PATCH /api/campaigns/:id/pledges/:pledgeId': anyone,
  'POST /api/campaigns/:id/pledges/:pledgeId/cancel': anyone,
  'GET /api/campaigns/:id/receipts': anyone,
  'POST /api/campaigns/:id/receipts': anyone,
  'POST /api/campaigns/:id/receipts/:receiptId/void': anyone,
};
