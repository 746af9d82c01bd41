// HTTP contract of the users service: accounts as the admin screens and `/api/me` see them.
import { z } from 'zod';
import { roleSchema, type Role } from './auth';

/** No lone UTF-16 surrogates: they cannot be stored as UTF-8, so they would not come back as sent. */
const wellFormed = (s: string): boolean => !/\p{Cs}/u.test(s);

/** Case-insensitive unique; Unicode allowed; no spaces at the ends and no control characters. */
export const usernameSchema = z
  .string()
  .min(1, 'is required')
  .max(64)
  .refine((s) => s === s.trim(), 'must not start or end with a space')
  .refine((s) => !/\p{Cc}/u.test(s), 'must not contain control characters')
  .refine(wellFormed, 'must be well-formed Unicode');

export const displayNameSchema = z
  .string()
  .min(1, 'is required')
  .max(200)
  .refine(wellFormed, 'must be well-formed Unicode');

/** At least 8 characters; hashed with scrypt, never stored or logged. */
export const passwordSchema = z.string().min(8, 'must be at least 8 characters').max(1024);

export const createUserRequestSchema = z.strictObject({
  username: usernameSchema,
  display_name: displayNameSchema,
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .strictObject({
    username: usernameSchema.optional(),
    display_name: displayNameSchema.optional(),
    role: roleSchema.optional(),
  })
  .refine((u) => Object.keys(u).length > 0, 'give at least one of username, display_name, role');
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const setPasswordRequestSchema = z.strictObject({ password: passwordSchema });
export type SetPasswordRequest = z.infer<typeof setPasswordRequestSchema>;

export const userIdSchema = z.uuid('must be a user id (UUID)');

/** An account as the API returns it: never with its password hash. */
export interface User {
  id: string;
  username: string;
  display_name: string;
  role: Role;
}
