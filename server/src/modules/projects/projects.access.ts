import { anyone, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const projectsAccess: AccessTable = {
  'GET /api/projects': anyone,
  'GET /api/projects/export': anyone,
  'GET /api/projects/closed-loop': anyone,
  'GET /api/projects/:id': anyone,
  'POST /api/projects': anyone,
  'PATCH /api/projects/:id': anyone,
  'POST /api/projects/:id/transitions': anyone,
  'POST /api/projects/:id/archive': anyone,
  'POST /api/projects/:id/milestones': anyone,
  'PATCH /api/projects/:id/milestones/:milestoneId': anyone,
  'DELETE /api/projects/:id/milestones/:milestoneId': anyone,
};
