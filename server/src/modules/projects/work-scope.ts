// Moved to server/src/kernel/work-scope.ts (shared by several modules); re-exported for existing importers.
export * from '../../kernel/work-scope.ts';
