import { z } from 'zod';

export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const milestoneParams = z.object({ id: z.coerce.number().int().positive(), milestoneId: z.coerce.number().int().positive() });
export const versionBody = z.strictObject({ version: z.number().int().positive() });
