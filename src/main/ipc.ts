// The main side of the IPC bridge: one handler per request channel, registered once, answering only our
// own pages, with checked arguments, and replying in an envelope that keeps an ApiError's status and fields.
import { ApiError, type ApiFailure, type ApiRequestName, type ApiRequests } from '../shared/contracts/api';
import type { IpcResult } from '../shared/contracts/ipc';
import type { Logger } from '../services/log/logger';
import { checkArguments } from './ipc-arguments';

/** What of Electron's ipcMain this needs (so tests can stand in for it). */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

export interface IpcInvokeEventLike {
  /** The frame that sent the request; null once it navigated away or was destroyed. */
  senderFrame: { url: string } | null;
}

export type RequestHandler<K extends ApiRequestName> = (
  args: ApiRequests[K]['args'],
) => Promise<ApiRequests[K]['result']>;

export class DuplicateHandlerError extends Error {}

export class IpcHandlers {
  private readonly channels = new Set<ApiRequestName>();

  constructor(
    private readonly ipcMain: IpcMainLike,
    /** True for a page of ours (pages.ts isOwnPage). */
    private readonly trusted: (url: string | null) => boolean,
    private readonly log: Logger,
  ) {}

  /** Registers the one handler of a request; a second one for the same name is a bug and throws. */
  handle<K extends ApiRequestName>(name: K, fn: RequestHandler<K>): void {
    if (this.channels.has(name))
      throw new DuplicateHandlerError(`a handler for ${name} is already registered`);
    this.channels.add(name);
    this.ipcMain.handle(name, (event, raw) => this.answer(name, fn, event, raw));
  }

  /** Removes every handler this registered. */
  dispose(): void {
    for (const name of this.channels) this.ipcMain.removeHandler(name);
    this.channels.clear();
  }

  private async answer<K extends ApiRequestName>(
    name: K,
    fn: RequestHandler<K>,
    event: IpcInvokeEventLike,
    raw: unknown,
  ): Promise<IpcResult<ApiRequests[K]['result']>> {
    const url = event.senderFrame?.url ?? null;
    if (!this.trusted(url)) {
      this.log.warn({ channel: name, url }, 'refused an IPC request from a page that is not ours');
      return refuse({ status: 403, error: 'not allowed from this page' });
    }
    const checked = checkArguments(name, raw);
    if (!checked.ok) return refuse(checked.failure);
    try {
      return { ok: true, value: await fn(checked.args) };
    } catch (err) {
      if (err instanceof ApiError)
        return refuse({ status: err.status, error: err.error, fields: err.fields });
      this.log.error({ err, channel: name }, 'IPC request failed');
      return refuse({ status: 500, error: 'internal error' });
    }
  }
}

function refuse(failure: ApiFailure): { ok: false; failure: ApiFailure } {
  return {
    ok: false,
    failure: failure.fields === undefined ? { status: failure.status, error: failure.error } : failure,
  };
}
