import { anyone, systemAdmin, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const serviceKindsAccess: AccessTable = {
  'GET /api/service-kinds': anyone,
  'POST /api/service-kinds': systemAdmin,
  'PATCH /api/service-kinds/:id': systemAdmin,
  'POST /api/service-kinds/:id/archive': systemAdmin,
  'POST /api/service-kinds/:id/unarchive': systemAdmin,
};
