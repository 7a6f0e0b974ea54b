import { anyone, only, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const directChannelAccess: AccessTable = {
  'GET /api/direct-channel/reports': anyone,
  'POST /api/direct-channel/reports': anyone,
  'GET /api/direct-channel/reports/:id': anyone,
  'POST /api/direct-channel/reports/:id/instructions': anyone,
  'POST /api/direct-channel/reports/:id/assignments': anyone,
  'GET /api/direct-channel/supervision': anyone,
  'POST /api/direct-channel/assignments/:id/accept': only(['handler'], 'a handler of the assigned unit'),
  'POST /api/direct-channel/assignments/:id/complete': only(['handler'], 'a handler of the assigned unit'),
  'POST /api/direct-channel/assignments/:id/remind': anyone,
};
