import { z } from 'zod';

/** 省 › 市 › 区/县 › 街镇 › 村居. A branch may skip a level (中山市 has towns directly under it). */
export const divisionLevels = ['province', 'city', 'district', 'town', 'village'] as const;
export type DivisionLevel = (typeof divisionLevels)[number];

/**
 * Divisions are stored with a materialised path of ids (`/1/4/17/`), so "this subtree" is one
 * prefix comparison and needs no recursive query on either database.
 */
export function childPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** True when `path` is the scope itself or lies below it. A null scope means the whole tree. */
export function isWithinScope(path: string, scopePath: string | null): boolean {
  return scopePath === null || path.startsWith(scopePath);
}

/** Ids along a path, root first. */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

export const divisionSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  level: z.enum(divisionLevels),
  code: z.string().nullable(),
  path: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Division = z.infer<typeof divisionSchema>;

export const divisionCreateSchema = z.object({
  parentId: z.number().int().positive().nullable(),
  name: z.string().trim().min(1).max(60),
  level: z.enum(divisionLevels),
  code: z.string().trim().regex(/^\d{6,12}$/, { error: 'validation.division_code' }).nullable().optional(),
});
export type DivisionCreate = z.infer<typeof divisionCreateSchema>;

export const divisionUpdateSchema = z.object({
  name: z.string().trim().min(1).max(60).optional(),
  code: z.string().trim().regex(/^\d{6,12}$/, { error: 'validation.division_code' }).nullable().optional(),
  version: z.number().int().positive(),
});
export type DivisionUpdate = z.infer<typeof divisionUpdateSchema>;

/** The order of levels: a child must sit strictly below its parent. */
export function levelRank(level: DivisionLevel): number {
  return divisionLevels.indexOf(level);
}
