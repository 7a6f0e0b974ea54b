export * from './scoring.schema.ts';
export * from './results.ts';
export * from './ranking.ts';
export * from './assignment.ts';
export * from './assessment.ts';
