import { z } from 'zod';

// Shared with brands, resources and service kinds; kept importable from here.
export { idParams, versionBody } from '../../kernel/route-schemas.ts';
