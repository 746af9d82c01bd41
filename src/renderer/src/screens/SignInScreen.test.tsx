// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contracts/api';
import { ApiProvider } from '../api/api-context';
import { SessionProvider, useSession } from '../session/SessionProvider';
import { FakeApi } from '../testing/fake-api';
import { SignInScreen } from './SignInScreen';

afterEach(cleanup);

function Who() {
  const { session } = useSession();
  return <p data-testid="who">{session.phase === 'signed-in' ? session.user.username : session.phase}</p>;
}

function renderSignIn(api: FakeApi) {
  render(
    <ApiProvider api={api}>
      <SessionProvider>
        <Who />
        <SignInScreen />
      </SessionProvider>
    </ApiProvider>,
  );
}

describe('signing in', () => {
  it('asks for what is missing without calling the host', async () => {
    const api = new FakeApi({ 'session-get': () => null });
    renderSignIn(api);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByText('Enter your username.')).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    expect(api.callsOf('session-login')).toEqual([]);
  });

  it('says plainly when the username or password is wrong', async () => {
    const api = new FakeApi({
      'session-get': () => null,
      'session-login': () => {
        throw new ApiError(401, 'wrong username or password');
      },
    });
    renderSignIn(api);
    await userEvent.type(screen.getByLabelText('Username'), 'alice');
    await userEvent.type(screen.getByLabelText('Password'), 'nope-nope');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong username or password.');
  });

  it('signs the user in', async () => {
    const api = new FakeApi({
      'session-get': () => null,
      'session-login': ({ username }) => ({ id: 'u1', username, role: 'client' }),
    });
    renderSignIn(api);
    await userEvent.type(screen.getByLabelText('Username'), ' alice ');
    await userEvent.type(screen.getByLabelText('Password'), 'secret-1{Enter}');
    expect((await screen.findByTestId('who')).textContent).toBe('alice');
    expect(api.callsOf('session-login')).toEqual([{ username: 'alice', password: 'secret-1' }]);
  });
});
