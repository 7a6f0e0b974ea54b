/* What other modules may use of needs: the portal turns a wish into a need held for review. */
export { insertNeed, insertNeedEvents, type NewNeedEvent } from './needs.repo.ts';
