import type { CallRow } from '@scenebridge/db';
import { allowedActions, callMachine, type CallState } from '@scenebridge/domain';
import type { Actor } from '../context.js';
import { callPolicy } from './policy.js';
import { acceptingSubmissions } from './rules.js';

export function presentCall(call: CallRow & { submissionCount?: number }, actor: Actor | null, now: Date) {
  return {
    id: call.id,
    title: call.title,
    listType: call.listType,
    description: call.description,
    opensAt: call.opensAt.toISOString(),
    closesAt: call.closesAt.toISOString(),
    closedAt: call.closedAt?.toISOString() ?? null,
    status: call.status,
    statusReason: call.statusReason,
    reviewScheme: call.reviewScheme,
    submissionCount: call.submissionCount ?? 0,
    createdAt: call.createdAt.toISOString(),
    acceptingSubmissions: acceptingSubmissions(call, now),
    allowedActions: callPolicy.allow(actor, 'transition', call) ? allowedActions(callMachine, call.status as CallState, ['operator']) : [],
  };
}
