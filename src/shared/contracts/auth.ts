// Sign-in over HTTP and the access tokens every service checks: bodies, claims and the names they use.
import { z } from 'zod';

/** `iss` of every access token: only the users service signs them. */
export const TOKEN_ISSUER = 'wattdesk-users';
/** `aud` of every access token: any WattDesk service accepts them. */
export const TOKEN_AUDIENCE = 'wattdesk';
/** Where the users service publishes the public keys that verify its tokens. */
export const JWKS_PATH = '/.well-known/jwks.json';

/** admin: everything; client: their own devices; service: machine-to-machine calls such as the snapshot. */
export const roleSchema = z.enum(['admin', 'client', 'service']);
export type Role = z.infer<typeof roleSchema>;

/** The claims of an access token, as the verifier checks them after the signature. */
export const accessTokenClaimsSchema = z.object({
  sub: z.string().min(1).max(200),
  role: roleSchema,
  username: z.string().min(1).max(200),
});

/** Who made a request, from a verified access token. */
export interface AuthUser {
  id: string;
  username: string;
  role: Role;
}

const secret = (max: number) => z.string().min(1, 'is required').max(max);

export const loginRequestSchema = z.strictObject({
  username: z.string().min(1, 'is required').max(200),
  password: secret(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const refreshRequestSchema = z.strictObject({ refresh_token: secret(200) });
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

export const logoutRequestSchema = refreshRequestSchema;
export type LogoutRequest = z.infer<typeof logoutRequestSchema>;

export interface TokenResponse {
  /** JWT (EdDSA), sent as `Authorization: Bearer <access_token>`. */
  access_token: string;
  /** Opaque; single use: every refresh returns a new one, and reusing an old one ends the session. */
  refresh_token: string;
  /** Lifetime of the access token, seconds. */
  expires_in: number;
  user: { id: string; username: string; display_name: string; role: Role };
}
