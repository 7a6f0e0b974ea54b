export * from './errors.ts';
export * from './locale.ts';
export * from './phone.ts';
export * from './divisions.ts';
export * from './roles.ts';
export * from './users.ts';
export * from './paging.ts';
export * from './audit.ts';
