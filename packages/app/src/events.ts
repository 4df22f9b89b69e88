/**
 * What happened, told after it committed, to whoever keeps something derived from it (caches,
 * pages). Use cases emit; outer layers (the portal) listen. So a use case never reaches into
 * the HTTP side to keep it fresh.
 */
export interface AppEvents {
  /** A batch was published, an entry corrected or a benchmark case added: public pages changed. */
  'publication.changed': Record<string, never>;
}

type Listener<K extends keyof AppEvents> = (event: AppEvents[K]) => void;

export class AppEventBus {
  private readonly listeners = new Map<keyof AppEvents, Set<Listener<never>>>();

  on<K extends keyof AppEvents>(name: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  /** Call after the transaction commits. A listener's failure is its own: the rest still hear it. */
  emit<K extends keyof AppEvents>(name: K, event: AppEvents[K]): void {
    for (const listener of this.listeners.get(name) ?? []) {
      try {
        (listener as Listener<K>)(event);
      } catch (e) {
        console.error(`listener of ${String(name)} failed`, e);
      }
    }
  }
}
