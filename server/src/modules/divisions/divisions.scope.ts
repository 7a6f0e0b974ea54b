// Moved to server/src/kernel/division-scope.ts (shared by several modules); re-exported for existing importers.
export * from '../../kernel/division-scope.ts';
