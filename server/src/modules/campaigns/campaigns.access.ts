import { anyone, office, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const campaignsAccess: AccessTable = {
  'GET /api/campaigns': anyone,
  'GET /api/campaigns/overdue-pledges': anyone,
  'POST /api/campaigns': office,
  'GET /api/campaigns/:id': anyone,
  'PATCH /api/campaigns/:id': office,
  'POST /api/campaigns/:id/archive': office,
  'POST /api/campaigns/:id/unarchive': office,
  'GET /api/campaigns/:id/pledges': anyone,
  'POST /api/campaigns/:id/pledges': office,
  'PATCH /api/campaigns/:id/pledges/:pledgeId': office,
  'POST /api/campaigns/:id/pledges/:pledgeId/cancel': office,
  'GET /api/campaigns/:id/receipts': anyone,
  'POST /api/campaigns/:id/receipts': office,
  'POST /api/campaigns/:id/receipts/:receiptId/void': office,
  'GET /api/campaigns/:id/pledges/export': anyone,
  'GET /api/campaigns/:id/receipts/export': anyone,
};
