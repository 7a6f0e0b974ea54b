import { z } from 'zod';
import { roles } from './roles.ts';
import { locales } from './locale.ts';
import { phonePattern } from './phone.ts';

/** Long enough to resist guessing, and not one of the passwords everyone tries first. */
export const passwordSchema = z
  .string()
  .min(10, { error: 'validation.password_short' })
  .max(128)
  .refine((value) => /[A-Za-z]/.test(value) && /\d/.test(value), { error: 'validation.password_weak' });

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9._-]*$/i, { error: 'validation.username' });

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  divisionId: z.number().int().nullable(),
  divisionName: z.string().nullable(),
  roles: z.array(z.enum(roles)),
  phone: z.string().nullable(),
  disabled: z.boolean(),
  locale: z.enum(locales),
  lastSignInAt: z.string().nullable(),
  /** When the account was locked after failed sign-ins (null: not locked). */
  lockedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const userCreateSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(40),
  divisionId: z.number().int().positive().nullable(),
  roles: z.array(z.enum(roles)).min(1).max(roles.length),
  phone: z.string().trim().regex(phonePattern, { error: 'validation.phone' }).nullable().optional(),
  password: passwordSchema,
});
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z.object({
  displayName: z.string().trim().min(1).max(40).optional(),
  divisionId: z.number().int().positive().nullable().optional(),
  roles: z.array(z.enum(roles)).min(1).max(roles.length).optional(),
  phone: z.string().trim().regex(phonePattern, { error: 'validation.phone' }).nullable().optional(),
  disabled: z.boolean().optional(),
  version: z.number().int().positive(),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const signInSchema = z.object({
  username: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(128),
});
export type SignIn = z.infer<typeof signInSchema>;

/** What signed-out pages may know about the installation (GET /api/public/instance). */
export const instanceFactsSchema = z.object({ demoData: z.boolean() });
export type InstanceFacts = z.infer<typeof instanceFactsSchema>;
