/* What other modules may use of resources: resources offering a service kind (a need suggests them). */
export { findResourcesOffering } from './resources.repo.ts';
