import { z } from 'zod';

/*
 * Request shapes that many modules' routes share. They live here, not in one module's schema
 * file, so that a module borrowing them does not come to depend on that module (brands and
 * resources once imported them from venues, which made brands ↔ venues a two-way dependency).
 */

/** `:id` in a URL. */
export const idParams = z.object({ id: z.coerce.number().int().positive() });

/** Archive and unarchive carry only the version the user saw. */
export const versionBody = z.object({ version: z.number().int().positive() });
