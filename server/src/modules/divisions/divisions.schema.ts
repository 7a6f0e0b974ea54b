import { divisionLevels, divisionSchema, pageQuerySchema } from '@tongxin/core';
import { z } from 'zod';

export const idParams = z.object({ id: z.coerce.number().int().positive() });

export const childrenQuery = z.object({
  parentId: z.coerce.number().int().positive().optional(),
});

export const divisionListQuery = pageQuerySchema.extend({
  q: z.string().trim().max(60).optional(),
  level: z.enum(divisionLevels).optional(),
  parentId: z.coerce.number().int().positive().optional(),
});

export const divisionNodeSchema = divisionSchema.extend({ childCount: z.number().int() });

export const divisionDetailSchema = divisionSchema.extend({
  ancestors: z.array(z.object({ id: z.number().int(), name: z.string(), level: z.enum(divisionLevels) })),
  childCount: z.number().int(),
  allowed: z.array(z.string()),
});
