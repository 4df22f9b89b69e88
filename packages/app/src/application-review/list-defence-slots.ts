import { listDefenceSlotsOfChallenge } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { presentSlot } from './defence-rules.js';
import { challengeForOperator } from './rules.js';

/** A challenge's slots by start time, cancelled ones included (marked), for the operator. */
export async function listDefenceSlots({ services, actor, challengeId }: { services: Services; actor: Actor | null; challengeId: string }) {
  await challengeForOperator(services.db, actor, challengeId);
  return (await listDefenceSlotsOfChallenge(services.db, challengeId)).map(presentSlot);
}
