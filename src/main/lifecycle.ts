// The app's life: one instance, and on quit every part stopped in reverse order of starting, once.
import type { Logger } from '../services/log/logger';

/** Parts to stop, in reverse order of starting; a part that fails to stop does not keep the rest running. */
export class ShutdownStack {
  private readonly parts: Array<{ name: string; stop: () => unknown }> = [];
  private done: Promise<void> | null = null;

  constructor(private readonly log: Logger) {}

  /** Call right after the part started. */
  add(name: string, stop: () => unknown): void {
    if (this.done) throw new Error(`${name} started while shutting down`);
    this.parts.push({ name, stop });
  }

  get stopping(): boolean {
    return this.done !== null;
  }

  /** Stops everything; calling it again waits for the first run. */
  run(): Promise<void> {
    this.done ??= (async () => {
      for (const { name, stop } of this.parts.reverse()) {
        try {
          await stop();
          this.log.info({ part: name }, 'stopped');
        } catch (err) {
          this.log.error({ err, part: name }, 'failed to stop');
        }
      }
    })();
    return this.done;
  }
}

/** What of Electron's app this needs (so tests can stand in for it). */
export interface AppLike {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
  exit(code?: number): void;
}

/** False when another instance runs: this one quits, and the other is told to show itself. */
export function holdSingleInstance(app: AppLike, onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', onSecondInstance);
  return true;
}

/** Quitting waits for the shutdown (the monitoring consumer drains its batch), then exits. */
export function quitAfterShutdown(app: AppLike, stack: ShutdownStack): void {
  let finished = false;
  app.on('before-quit', (event) => {
    if (finished) return;
    event.preventDefault();
    void stack.run().finally(() => {
      finished = true;
      app.exit(0);
    });
  });
}
