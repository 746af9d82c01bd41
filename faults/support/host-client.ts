// A client of the running host, as the UI or a script is: sign-in, JSON over HTTP with a bearer token, and the
// live feed (WebSocket, signed in by its first message).
import { WebSocket } from 'ws';
import type { TokenResponse } from '../../src/shared/contracts/auth';
import type { ServerMessage } from '../../src/shared/contracts/live-feed';
import { waitFor } from '../../src/services/testing/wait';

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

/** Any method and path; `token` null sends no Authorization header. Never throws on an HTTP status. */
export async function call<T = unknown>(
  url: string,
  method: string,
  token: string | null,
  body?: unknown,
): Promise<Answer<T>> {
  const res = await fetch(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Like `call`, but an answer outside 2xx is an error naming it. */
export async function callOk<T = unknown>(
  url: string,
  method: string,
  token: string | null,
  body?: unknown,
): Promise<T> {
  const answer = await call<T>(url, method, token, body);
  if (answer.status >= 300)
    throw new Error(`${method} ${url}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export async function login(usersUrl: string, username: string, password: string): Promise<TokenResponse> {
  return callOk<TokenResponse>(`${usersUrl}/api/auth/login`, 'POST', null, { username, password });
}

/** A live-feed socket and every message it has received, in order. */
export interface LiveClient {
  socket: WebSocket;
  messages: ServerMessage[];
  /** Resolves with the close code once the server (or we) closed it. */
  closed: Promise<number>;
  /** Subscribes and waits for the answer. */
  subscribe(deviceIds: string[]): Promise<Extract<ServerMessage, { type: 'subscribed' }>>;
  close(): void;
}

/** Opens the feed and sends `{type: 'auth', token}` first; waits for `authenticated` unless `expectRefusal`. */
export async function openLiveFeed(
  monitoringUrl: string,
  token: string,
  { expectRefusal = false } = {},
): Promise<LiveClient> {
  const socket = new WebSocket(`${monitoringUrl.replace(/^http/, 'ws')}/ws`);
  const messages: ServerMessage[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data)) as ServerMessage));
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ type: 'auth', token }));
  if (!expectRefusal)
    await waitFor(() => messages.some((m) => m.type === 'authenticated'), { what: 'live-feed sign-in' });
  return {
    socket,
    messages,
    closed,
    subscribe: async (deviceIds) => {
      const before = messages.length;
      socket.send(JSON.stringify({ type: 'subscribe', device_ids: deviceIds }));
      return waitFor(
        () =>
          messages
            .slice(before)
            .find((m): m is Extract<ServerMessage, { type: 'subscribed' }> => m.type === 'subscribed'),
        { what: 'the subscription answer' },
      );
    },
    close: () => socket.terminate(),
  };
}
