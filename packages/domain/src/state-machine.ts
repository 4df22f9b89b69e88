import { DomainError } from './errors.js';

/** Who takes a transition: a platform role, the owning organisation, or the clock. */
export type Actor = 'operator' | 'owner' | 'reviewer' | 'broker' | 'registrar' | 'system';

export interface Transition<S extends string, A extends string> {
  action: A;
  from: readonly S[];
  to: S;
  by: readonly Actor[];
  reasonRequired?: boolean;
}

export interface Machine<S extends string, A extends string> {
  name: string;
  states: readonly S[];
  transitions: readonly Transition<S, A>[];
}

export function defineMachine<S extends string, A extends string>(m: Machine<S, A>): Machine<S, A> {
  return m;
}

/**
 * Decides a transition or throws. Illegal moves get `ILLEGAL_TRANSITION` (409), a move the
 * actor may not take gets `FORBIDDEN` (403), a missing reason `REASON_REQUIRED` (400).
 */
export function decide<S extends string, A extends string>(
  m: Machine<S, A>,
  input: { from: S; action: A; actors: readonly Actor[]; reason?: string | null },
): Transition<S, A> {
  const candidates = m.transitions.filter((t) => t.action === input.action);
  if (candidates.length === 0) {
    throw new DomainError('UNKNOWN_ACTION', `未知操作：${input.action}`, 400);
  }
  const t = candidates.find((c) => c.from.includes(input.from));
  if (!t) {
    throw new DomainError('ILLEGAL_TRANSITION', `当前状态（${input.from}）不允许执行该操作（${input.action}）`, 409, {
      machine: m.name,
      from: input.from,
      action: input.action,
    });
  }
  if (!t.by.some((a) => input.actors.includes(a))) {
    throw new DomainError('FORBIDDEN', '无权执行此操作', 403, { machine: m.name, action: input.action });
  }
  if (t.reasonRequired && !input.reason?.trim()) {
    throw new DomainError('REASON_REQUIRED', '请填写原因', 400);
  }
  return t;
}

export function allowedActions<S extends string, A extends string>(m: Machine<S, A>, from: S, actors: readonly Actor[]): A[] {
  return m.transitions.filter((t) => t.from.includes(from) && t.by.some((a) => actors.includes(a))).map((t) => t.action);
}
