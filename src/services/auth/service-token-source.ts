// Where a service gets the `service` token it sends to another service (e.g. monitoring → device snapshot).
//
// Two sources, no shared signing secret in either:
// - embedded (one process): the users service signs one directly, `startUsersService(...).issueServiceToken`;
// - standalone: the service signs in like anyone else, as a `service` account an admin created
//   (POST /api/users with role "service"), its credentials in WATTDESK_SERVICE_USERNAME/_PASSWORD.
//   Revoking it is deleting or re-passwording that account; tokens still die within 15 minutes.
import { z } from 'zod';

export interface ServiceTokenSource {
  /** A token valid for at least another minute. Throws when none can be had (users service down, refused). */
  token(): Promise<string>;
}

export interface IssuedToken {
  token: string;
  /** Seconds from now. */
  expiresIn: number;
}

/** Renew this long before expiry, so a token handed out is still good when it arrives. */
const RENEW_BEFORE_MS = 60_000;

/** Caches the token until shortly before it expires; concurrent callers share one fetch. */
export function cachedServiceTokens(
  fetchToken: () => Promise<IssuedToken>,
  now = Date.now,
): ServiceTokenSource {
  let cached: { token: string; renewAt: number } | null = null;
  let pending: Promise<string> | null = null;
  return {
    async token() {
      if (cached && now() < cached.renewAt) return cached.token;
      pending ??= fetchToken()
        .then(({ token, expiresIn }) => {
          cached = { token, renewAt: now() + expiresIn * 1000 - RENEW_BEFORE_MS };
          return token;
        })
        .finally(() => {
          pending = null;
        });
      return pending;
    },
  };
}

const loginAnswerSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });

/** Standalone: signs in to the users service at `usersUrl` with a `service` account. */
export function serviceAccountTokens(
  usersUrl: string,
  account: { username: string; password: string },
): ServiceTokenSource {
  return cachedServiceTokens(async () => {
    const res = await fetch(`${usersUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(account),
      signal: AbortSignal.timeout(5_000),
    });
    if (!res.ok) throw new Error(`service sign-in as ${account.username} refused: HTTP ${res.status}`);
    const answer = loginAnswerSchema.parse(await res.json());
    return { token: answer.access_token, expiresIn: answer.expires_in };
  });
}
