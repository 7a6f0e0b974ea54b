/* What other modules may use of auth: ending a user's sessions (a password change, a disabled account). */
export { deleteSessionsOfUser } from './auth.repo.ts';
