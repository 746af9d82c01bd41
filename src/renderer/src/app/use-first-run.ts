// Whether the host still shows the generated admin password: asked when nobody, or an admin, is signed in.
import { useEffect, useState } from 'react';
import { useApi } from '../api/api-context';
import type { SessionState } from '../session/SessionProvider';

/** undefined while asking; null when there is no first run to finish. */
export function useFirstRun(session: SessionState): [string | null | undefined, () => void] {
  const api = useApi();
  const [password, setPassword] = useState<string | null | undefined>(undefined);
  const ask =
    session.phase === 'signed-out' || (session.phase === 'signed-in' && session.user.role === 'admin');
  useEffect(() => {
    if (!ask) return;
    let live = true;
    api.invoke('first-run-get', undefined).then(
      (r) => live && setPassword(r.generated_admin_password),
      () => live && setPassword(null),
    );
    return () => {
      live = false;
    };
  }, [api, ask]);
  return [ask ? password : null, () => setPassword(null)];
}
