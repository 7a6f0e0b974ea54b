/* What other modules may use of pairings: the coverage figure (the dashboard counts it with the other figures). */
export { coverage } from './pairings.repo.ts';
