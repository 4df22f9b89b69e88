/**
 * The public part of a domain state machine: what the web needs to show it (states, actions,
 * which actions ask for a reason), derived from the machine so there is no second copy. Who may
 * take an action stays on the server; the web shows each object's `allowedActions`.
 * Zod-free, so the web's first page can import it without the schema library.
 */
import type { Machine } from '@scenebridge/domain';

export interface PublicLifecycle<S extends string, A extends string> {
  states: readonly S[];
  actions: readonly A[];
  /** Actions the server refuses without a reason (REASON_REQUIRED). */
  reasonRequired: ReadonlySet<A>;
  /** Takes any string, since buttons come from answers typed as plain strings. */
  needsReason: (action: string) => boolean;
}

export function publicLifecycle<S extends string, A extends string>(machine: Machine<S, A>): PublicLifecycle<S, A> {
  const reasonRequired: ReadonlySet<string> = new Set(machine.transitions.filter((t) => t.reasonRequired).map((t) => t.action));
  return {
    states: machine.states,
    actions: [...new Set(machine.transitions.map((t) => t.action))],
    reasonRequired: reasonRequired as ReadonlySet<A>,
    needsReason: (action) => reasonRequired.has(action),
  };
}
