import { z } from 'zod';

export const idParams = z.object({ id: z.coerce.number().int().positive() });

/** Archive and unarchive carry only the version the user saw. */
export const versionBody = z.object({ version: z.number().int().positive() });
