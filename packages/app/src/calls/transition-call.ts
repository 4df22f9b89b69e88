import { findCall } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { applyCallTransition } from './apply-call-transition.js';
import { callPolicy, callsPolicy } from './policy.js';

export async function transitionCall({
  services,
  actor,
  id,
  action,
  reason,
}: {
  services: Services;
  actor: Actor | null;
  id: string;
  action: string;
  reason?: string;
}) {
  callsPolicy.authorize(actor, 'manage', null);
  return inTransaction(services, actor, async (tx, events) => {
    const call = await findCall(tx, id, { forUpdate: true });
    if (!call) throw notFound(callPolicy.label);
    return applyCallTransition(tx, events, actor, call, action, reason, services.now());
  });
}
