import { anyone, openToParticipants, only, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const inboxAccess: AccessTable = {
  'GET /api/inbox': anyone,
  'GET /api/inbox/counts': anyone,
  'GET /api/notifications': openToParticipants,
  'POST /api/notifications/:id/read': { ...anyone, note: 'only the recipient: someone else\'s notification is a 404', participants: true },
  'POST /api/notifications/read-all': openToParticipants,
};
