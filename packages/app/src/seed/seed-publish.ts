/**
 * The demo's earlier calls, reviewed and published: their items get submitted scores from the
 * demo reviewers and are selected, then `publishBatch` (the operator's own use case) publishes
 * each call as a numbered batch, so a fresh instance has public lists, matches and a portal.
 */
import { findUserByEmail, insertAssignments, listSubmissionsOfCallInStates } from '@scenebridge/db';
import * as demo from '@scenebridge/demo';
import type { Services } from '../context.js';
import { demoActor } from './demo-actor.js';
import { publishBatch } from '../publication/index.js';

/** Deterministic scores 62–97 so the ranking in the batch is stable from one seed to the next. */
const scoreOf = (i: number, r: number) => 62 + ((i * 37 + r * 11) % 36);

export async function publishDemoCalls(services: Services, callIds: string[]): Promise<number> {
  const reviewers: string[] = [];
  for (const email of demo.DEMO_REVIEWER_EMAILS) {
    const u = await findUserByEmail(services.db, email);
    if (u) reviewers.push(u.id);
  }
  const actor = await demoActor(services, demo.DEMO_OPERATOR_EMAIL);
  let published = 0;
  for (const callId of callIds) {
    const items = await listSubmissionsOfCallInStates(services.db, callId, ['selected']);
    if (items.length === 0) continue;
    const submittedAt = new Date(services.now().getTime() - 170 * 86_400_000);
    await insertAssignments(
      services.db,
      items.flatMap((s, i) =>
        reviewers.map((reviewerUserId, r) => ({
          callId,
          submissionId: s.id,
          reviewerUserId,
          status: 'submitted',
          weightedScore: scoreOf(i, r),
          submittedAt,
          dueAt: submittedAt,
        })),
      ),
    );
    const batch = await publishBatch({ services, actor, callId });
    published += batch.entryCount;
  }
  return published;
}
