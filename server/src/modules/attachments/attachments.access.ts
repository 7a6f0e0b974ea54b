import { anyone, admins, only, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const attachmentsAccess: AccessTable = {
  'POST /api/attachments': { ...anyone, unscoped: true, answers: [415], note: 'multipart upload: the matrix checks sign-in only; attachments.test.ts checks scope' },
  'GET /api/attachments': anyone,
  'GET /api/attachments/:id': anyone,
  'GET /api/attachments/:id/content': anyone,
  'GET /api/attachments/:id/thumbnail': { ...anyone, answers: [200, 404], note: 'files that are not photos have no thumbnail (404)' },
  'DELETE /api/attachments/:id': anyone,
  'POST /api/attachments/purge': admins,
};
