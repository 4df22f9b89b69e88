import {
  callMachine,
  organizationMachine,
  reviewAssignmentMachine,
  submissionMachine,
  SUBMISSION_STATES,
  CALL_STATES,
} from '@scenebridge/domain';
import { CALL_STATE_LABELS } from '@scenebridge/contract/calls/labels';
import { callLifecycle, isCallEditable } from '@scenebridge/contract/calls/lifecycle';
import { organizationLifecycle } from '@scenebridge/contract/organizations/lifecycle';
import { reviewAssignmentLifecycle } from '@scenebridge/contract/review/lifecycle';
import { SUBMISSION_STATE_LABELS } from '@scenebridge/contract/submissions/labels';
import { isSubmissionEditable, submissionLifecycle } from '@scenebridge/contract/submissions/lifecycle';
import { describe, expect, it } from 'vitest';

const sorted = (s: Iterable<string>) => [...s].sort();
const machineReasons = (m: { transitions: readonly { action: string; reasonRequired?: boolean }[] }) =>
  sorted(new Set(m.transitions.filter((t) => t.reasonRequired).map((t) => t.action)));

describe('public lifecycles (imported by their package paths, as the web does)', () => {
  it('ask for a reason exactly where the domain machine refuses one without it', () => {
    expect(sorted(submissionLifecycle.reasonRequired)).toEqual(machineReasons(submissionMachine));
    expect(sorted(callLifecycle.reasonRequired)).toEqual(machineReasons(callMachine));
    expect(sorted(organizationLifecycle.reasonRequired)).toEqual(machineReasons(organizationMachine));
    expect(sorted(reviewAssignmentLifecycle.reasonRequired)).toEqual(machineReasons(reviewAssignmentMachine));
    // The actions people meet in the web app, pinned so a machine change is a visible decision.
    // revoke_selection: an objection upheld during the call's 公示 (never a button: not a user action).
    expect(sorted(submissionLifecycle.reasonRequired)).toEqual(['merge', 'reject', 'return_for_revision', 'revoke_selection']);
    expect(sorted(callLifecycle.reasonRequired)).toEqual(['cancel']);
    expect(sorted(organizationLifecycle.reasonRequired)).toEqual(['reject']);
    expect(submissionLifecycle.needsReason('withdraw')).toBe(false);
    expect(submissionLifecycle.needsReason('not_an_action')).toBe(false);
  });

  it('name every action of the machine once, and its states', () => {
    expect(sorted(callLifecycle.actions)).toEqual(sorted(new Set(callMachine.transitions.map((t) => t.action))));
    expect(submissionLifecycle.states).toEqual(SUBMISSION_STATES);
  });

  it('edit rules: a submission in draft or returned, a call while it can still be opened', () => {
    expect(SUBMISSION_STATES.filter(isSubmissionEditable)).toEqual(['draft', 'returned_for_revision']);
    expect(CALL_STATES.filter(isCallEditable)).toEqual(['draft', 'scheduled']);
  });

  it('label every state in Chinese', () => {
    for (const s of SUBMISSION_STATES) expect(SUBMISSION_STATE_LABELS[s]).toMatch(/^[\u4e00-\u9fff]+$/);
    for (const s of CALL_STATES) expect(CALL_STATE_LABELS[s]).toMatch(/^[\u4e00-\u9fff]+$/);
  });
});
