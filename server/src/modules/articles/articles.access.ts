import { anyone, systemAdmin, only, office, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const articlesAccess: AccessTable = {
  'GET /api/articles': anyone,
  'GET /api/articles/counts': anyone,
  'GET /api/articles/:id': anyone,
  'POST /api/articles': office,
  'POST /api/articles/upload': { ...anyone, answers: [415], note: 'multipart upload: the matrix checks sign-in only' },
  'PATCH /api/articles/:id': office,
  'POST /api/articles/:id/archive': office,
  'POST /api/articles/:id/unarchive': office,
  'PATCH /api/articles/:id/figures/:figureId': anyone,
  'GET /api/media': anyone,
  'POST /api/media': systemAdmin,
  'PATCH /api/media/:id': systemAdmin,
  'POST /api/media/:id/archive': systemAdmin,
  'POST /api/media/:id/unarchive': systemAdmin,
};
