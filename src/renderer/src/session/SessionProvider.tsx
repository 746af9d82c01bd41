// Who is signed in: restores a kept session at start, signs in and out, and notices when the host ends it.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../../../shared/contracts/api';
import type { AuthUser, LoginRequest } from '../../../shared/contracts/auth';
import { useApi } from '../api/api-context';

export type SessionState =
  | { phase: 'loading' }
  | { phase: 'unreachable'; message: string }
  | { phase: 'signed-out'; notice?: string }
  | { phase: 'signed-in'; user: AuthUser };

interface SessionValue {
  session: SessionState;
  signIn(request: LoginRequest): Promise<AuthUser>;
  signOut(): Promise<void>;
  /** Try restoring the session again, after the host could not be reached. */
  retry(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [session, setSession] = useState<SessionState>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    api.invoke('session-get', undefined).then(
      (user) => live && setSession(user ? { phase: 'signed-in', user } : { phase: 'signed-out' }),
      (err: unknown) =>
        live &&
        setSession(
          err instanceof ApiError && err.status === 401
            ? { phase: 'signed-out' }
            : { phase: 'unreachable', message: err instanceof Error ? err.message : String(err) },
        ),
    );
    return () => {
      live = false;
    };
  }, [api, attempt]);

  useEffect(
    () => api.on('session-ended', ({ reason }) => setSession({ phase: 'signed-out', notice: reason })),
    [api],
  );

  const signIn = useCallback(
    async (request: LoginRequest) => {
      const user = await api.invoke('session-login', request);
      setSession({ phase: 'signed-in', user });
      return user;
    },
    [api],
  );

  const signOut = useCallback(async () => {
    await api.invoke('session-logout', undefined);
    setSession({ phase: 'signed-out', notice: 'You have signed out.' });
  }, [api]);

  const retry = useCallback(() => {
    setSession({ phase: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ session, signIn, signOut, retry }), [session, signIn, signOut, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a <SessionProvider> above it');
  return value;
}

/** The signed-in user; only for components rendered inside the signed-in app. */
export function useUser(): AuthUser {
  const { session } = useSession();
  if (session.phase !== 'signed-in') throw new Error('useUser outside the signed-in app');
  return session.user;
}
