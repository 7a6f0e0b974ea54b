/* What other modules may use of the outbox's records: who has opted out (notices skip them). */
export { optedOutAmong } from './outbox.repo.ts';
