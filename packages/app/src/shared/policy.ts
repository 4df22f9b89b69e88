/**
 * Authorization in one place per resource, in the style of Outline's `allow(actor, action,
 * resource)`: a policy names each action and the rule that allows it. Use cases ask the policy;
 * `allowedActions` and search visibility read the same rules, so what a button offers, what a
 * route accepts and what a list shows cannot disagree.
 */
import { DomainError, forbidden, notFound } from '@scenebridge/domain';
import type { Actor } from '../context.js';

export type Rule<R> = (actor: Actor | null, resource: R) => boolean;

export interface Policy<R, A extends string> {
  /** The resource's Chinese name, for "不存在或无权访问". */
  readonly label: string;
  allow(actor: Actor | null, action: A, resource: R): boolean;
  /**
   * Throws unless allowed. Someone who may not even `view` the resource is told it does not
   * exist (404, so another organisation's objects cannot be probed); someone who may see it but
   * not do this gets 403.
   */
  authorize(actor: Actor | null, action: A, resource: R): void;
  /** Every action the actor may take on this resource. */
  allowedActions(actor: Actor | null, resource: R): A[];
}

export function definePolicy<R, A extends string>(label: string, rules: Record<A, Rule<R>> & { view: Rule<R> }): Policy<R, A | 'view'> {
  const actions = Object.keys(rules) as (A | 'view')[];
  const allow = (actor: Actor | null, action: A | 'view', resource: R) => rules[action](actor, resource);
  return {
    label,
    allow,
    authorize(actor, action, resource) {
      if (allow(actor, action, resource)) return;
      if (action === 'view' || !rules.view(actor, resource)) throw notFound(label);
      throw forbidden();
    },
    allowedActions: (actor, resource) => actions.filter((a) => allow(actor, a, resource)),
  };
}

/** The caller must be signed in: 401 before any policy is asked. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new DomainError('UNAUTHENTICATED', '请先登录', 401);
  return actor;
}
