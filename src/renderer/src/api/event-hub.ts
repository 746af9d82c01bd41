// Typed listeners for the Api's pushed events: each transport emits into one, components listen through `on`.
import type { ApiEventName, ApiEvents } from '../../../shared/contracts/api';

type Listener<K extends ApiEventName> = (payload: ApiEvents[K]) => void;

export class EventHub {
  private readonly listeners = new Map<ApiEventName, Set<Listener<never>>>();

  on<K extends ApiEventName>(event: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  emit<K extends ApiEventName>(event: K, payload: ApiEvents[K]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      // One failing listener must not stop the others from hearing the event.
      try {
        (listener as Listener<K>)(payload);
      } catch (err) {
        console.error(`listener of ${event} failed`, err);
      }
    }
  }

  count(event: ApiEventName): number {
    return this.listeners.get(event)?.size ?? 0;
  }
}
