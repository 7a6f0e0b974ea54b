import { z } from 'zod';

/** Route parameters of the registry endpoints. */
export const idParams = z.object({ id: z.coerce.number().int().positive() });
