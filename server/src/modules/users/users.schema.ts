import { pageQuerySchema, passwordSchema, roles, userSchema } from '@tongxin/core';
import { z } from 'zod';

export const idParams = z.object({ id: z.coerce.number().int().positive() });

export const userListQuery = pageQuerySchema.extend({
  q: z.string().trim().max(40).optional(),
  divisionId: z.coerce.number().int().positive().optional(),
  role: z.enum(roles).optional(),
  disabled: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
});

export const userDetailSchema = userSchema.extend({ allowed: z.array(z.string()) });

export const resetPasswordBody = z.object({ password: passwordSchema });
