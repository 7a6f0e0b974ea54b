import { anyone, office, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const projectsAccess: AccessTable = {
  'GET /api/projects': anyone,
  'GET /api/projects/export': anyone,
  'GET /api/projects/closed-loop': anyone,
  'GET /api/projects/:id': anyone,
  'POST /api/projects': office,
  'PATCH /api/projects/:id': office,
  'POST /api/projects/:id/transitions': { ...anyone, refuses: ['reviewer', 'handler', 'org_admin'], note: 'staff move a project on; reviewers (and administrators) may only mark it reviewed' },
  'POST /api/projects/:id/archive': office,
  'POST /api/projects/:id/milestones': office,
  'PATCH /api/projects/:id/milestones/:milestoneId': office,
  'DELETE /api/projects/:id/milestones/:milestoneId': office,
};
