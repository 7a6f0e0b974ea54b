// Moved to server/src/kernel/export-xlsx.ts (shared by several modules); re-exported for existing importers.
export * from '../../kernel/export-xlsx.ts';
