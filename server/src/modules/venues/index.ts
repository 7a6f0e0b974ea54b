/* What other modules may use of venues: the venues of a brand (the brand matrix). */
export { listVenuesOfBrand } from './venues.repo.ts';
