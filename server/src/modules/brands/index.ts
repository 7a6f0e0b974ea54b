/* What other modules may use of brands: brands by name (the venue import names a venue's brand). */
export { findBrandsNamed } from './brands.repo.ts';
