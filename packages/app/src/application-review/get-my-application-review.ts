import { findApplication, findChallenge, listParticipants } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { myApplicationReview, schemeOf } from './rules.js';

/**
 * What a reviewer sees of the application: the plan, quote and schedule against the challenge.
 * With a blind scheme nothing names the applicants: no lead or member organisation, no team
 * leader (a name and a phone number identify the team as well as the organisation does).
 */
export async function getMyApplicationReview({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const a = await myApplicationReview(services.db, actor, id, 'view');
  const app = (await findApplication(services.db, a.applicationId))!;
  const challenge = (await findChallenge(services.db, a.challengeId))!;
  const scheme = schemeOf(challenge);
  const members = (await listParticipants(services.db, app.id)).filter((p) => p.role === 'member' && p.active);
  return {
    id: a.id,
    status: a.status,
    scores: a.scores as Record<string, number>,
    comments: a.comments as Record<string, string>,
    weightedScore: a.weightedScore,
    conflictReason: a.conflictReason,
    dueAt: a.dueAt?.toISOString() ?? null,
    blind: scheme.blind,
    criteria: scheme.criteria,
    challenge: {
      id: challenge.id,
      title: challenge.title,
      problem: challenge.problem,
      rewardFen: challenge.rewardFen,
      indicators: challenge.indicators as { name: string; target: string; unit: string; method: string }[],
      milestones: (challenge.milestones as { name: string; percent: number }[]).map((m) => ({ name: m.name, percent: m.percent })),
    },
    application: {
      id: app.id,
      plan: app.plan,
      quoteFen: app.quoteFen,
      schedule: app.schedule as { plannedDate: string }[],
      consortiumSize: members.length,
      leadOrganizationName: scheme.blind ? null : app.leadOrganizationName,
      memberOrganizationNames: scheme.blind ? null : members.map((m) => m.organizationName),
      teamLeader: scheme.blind ? null : (app.teamLeader as { name: string; title: string; phone: string }),
    },
  };
}
