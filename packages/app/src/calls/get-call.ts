import { countSubmissionsOfCall, findCall } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { callPolicy } from './policy.js';

export async function getCall({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const call = await findCall(services.db, id);
  if (!call) throw notFound(callPolicy.label);
  callPolicy.authorize(actor, 'view', call);
  return { ...call, submissionCount: await countSubmissionsOfCall(services.db, id) };
}
