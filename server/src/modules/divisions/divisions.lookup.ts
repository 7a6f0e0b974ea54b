// Moved to the kernel (imports resolve division name paths there); re-exported for existing importers.
export { findDivisionByNamePath } from '../../kernel/scope.repo.ts';
