// Test support: an Api whose answers the test gives, and whose events the test pushes.
import type {
  Api,
  ApiEventName,
  ApiEvents,
  ApiRequestName,
  ApiRequests,
} from '../../../shared/contracts/api';
import { EventHub } from '../api/event-hub';

type Handlers = {
  [K in ApiRequestName]?: (
    args: ApiRequests[K]['args'],
  ) => ApiRequests[K]['result'] | Promise<ApiRequests[K]['result']>;
};

export class FakeApi implements Api {
  readonly calls: Array<{ name: ApiRequestName; args: unknown }> = [];
  private readonly hub = new EventHub();

  constructor(private readonly handlers: Handlers = {}) {}

  async invoke<K extends ApiRequestName>(
    name: K,
    args: ApiRequests[K]['args'],
  ): Promise<ApiRequests[K]['result']> {
    this.calls.push({ name, args });
    const handler = this.handlers[name] as ((a: typeof args) => ApiRequests[K]['result']) | undefined;
    if (!handler) throw new Error(`FakeApi: no answer for ${name}`);
    return handler(args);
  }

  on<K extends ApiEventName>(event: K, listener: (payload: ApiEvents[K]) => void): () => void {
    return this.hub.on(event, listener);
  }

  emit<K extends ApiEventName>(event: K, payload: ApiEvents[K]): void {
    this.hub.emit(event, payload);
  }

  callsOf(name: ApiRequestName): unknown[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.args);
  }
}
