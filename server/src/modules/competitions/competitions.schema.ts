import { phaseKinds } from '@tongxin/core';
import { z } from 'zod';

/** Route parameters and small bodies of the competition endpoints. */
export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const entryParams = idParams.extend({ entryId: z.coerce.number().int().positive() });
export const raterParams = idParams.extend({ raterId: z.coerce.number().int().positive() });
export const phaseParams = idParams.extend({ kind: z.enum(phaseKinds) });
export const entryListQuery = z.object({ withdrawn: z.enum(['false', 'true']).default('false') });
export const versionBody = z.object({ version: z.number().int().positive() });
