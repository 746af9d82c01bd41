// The UI: sign-in (or the first-run password) until someone is signed in, then the app. It gets its `api`
// from main.tsx and never learns which transport that is.
import type { Api } from '../../shared/contracts/api';
import { ApiProvider } from './api/api-context';
import { HostStatusProvider } from './app/HostStatusProvider';
import { Shell } from './app/Shell';
import { useFirstRun } from './app/use-first-run';
import { Logo } from './components/Logo';
import { Skeleton } from './components/Skeleton';
import { LiveProvider } from './live/LiveProvider';
import { FirstRunScreen } from './screens/FirstRunScreen';
import { SignInScreen } from './screens/SignInScreen';
import { SessionProvider, useSession } from './session/SessionProvider';

function Starting() {
  return (
    <main className="centred" aria-busy="true">
      <div className="centred-card">
        <div className="centred-brand">
          <Logo /> WattDesk
        </div>
        <span className="visually-hidden" role="status">
          Starting WattDesk
        </span>
        <Skeleton height={28} width="50%" />
        <Skeleton height={38} />
        <Skeleton height={38} />
        <Skeleton height={38} width="40%" />
      </div>
    </main>
  );
}

function Root() {
  const { session, retry } = useSession();
  const [firstRunPassword, firstRunDone] = useFirstRun(session);
  if (session.phase === 'loading' || firstRunPassword === undefined) return <Starting />;
  if (session.phase === 'unreachable') {
    return (
      <main className="centred">
        <div className="centred-card" role="alert">
          <h1>WattDesk is not reachable</h1>
          <p>{session.message}</p>
          <button type="button" className="button button-primary" onClick={retry}>
            Try again
          </button>
        </div>
      </main>
    );
  }
  if (firstRunPassword) return <FirstRunScreen generatedPassword={firstRunPassword} onDone={firstRunDone} />;
  if (session.phase === 'signed-out') return <SignInScreen notice={session.notice} />;
  return (
    <HostStatusProvider>
      <LiveProvider key={session.user.id}>
        <Shell />
      </LiveProvider>
    </HostStatusProvider>
  );
}

export function App({ api }: { api: Api }) {
  return (
    <ApiProvider api={api}>
      <SessionProvider>
        <Root />
      </SessionProvider>
    </ApiProvider>
  );
}
