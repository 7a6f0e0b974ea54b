/* What other modules may use of service kinds: the list, and kinds by id (resources name the kinds they offer). */
export { findServiceKindsByIds, listServiceKinds } from './service-kinds.repo.ts';
