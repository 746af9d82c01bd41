// Queue `users` (durable): what the users service publishes when an account goes away.
import { z } from 'zod';

export const userDeletedSchema = z.strictObject({
  type: z.literal('user.deleted'),
  user_id: z.string().min(1).max(128),
});
export type UserDeleted = z.infer<typeof userDeletedSchema>;

export const userEventSchema = z.discriminatedUnion('type', [userDeletedSchema]);
export type UserEvent = z.infer<typeof userEventSchema>;
