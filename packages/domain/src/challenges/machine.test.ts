import { describe, expect, it } from 'vitest';
import { CHALLENGE_STATES, challengeMachine, isChallengeEditable, isChallengePublic } from '../lifecycles.js';
import { allowedActions, decide, type Actor } from '../state-machine.js';

const code = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('challenge machine', () => {
  it('walks draft → review → returned → review → open → revised → open → closed', () => {
    const path: Array<[string, Actor, string]> = [
      ['submit_for_review', 'owner', 'pending_review'],
      ['return', 'operator', 'draft'],
      ['submit_for_review', 'owner', 'pending_review'],
      ['approve', 'operator', 'open'],
      ['revise', 'owner', 'pending_review'],
      ['approve', 'operator', 'open'],
      ['close', 'system', 'closed'],
    ];
    let state: string = 'draft';
    for (const [action, actor, to] of path) {
      state = decide(challengeMachine, { from: state as never, action: action as never, actors: [actor], reason: '指标描述不清' }).to;
      expect(state).toBe(to);
    }
  });

  it('keeps review to the operator and posting to the owner', () => {
    expect(code(() => decide(challengeMachine, { from: 'pending_review', action: 'approve', actors: ['owner'] }))).toBe('FORBIDDEN');
    expect(code(() => decide(challengeMachine, { from: 'draft', action: 'submit_for_review', actors: ['operator'] }))).toBe('FORBIDDEN');
    expect(code(() => decide(challengeMachine, { from: 'draft', action: 'approve', actors: ['operator'] }))).toBe('ILLEGAL_TRANSITION');
    expect(code(() => decide(challengeMachine, { from: 'closed', action: 'close', actors: ['system'] }))).toBe('ILLEGAL_TRANSITION');
    expect(code(() => decide(challengeMachine, { from: 'pending_review', action: 'return', actors: ['operator'] }))).toBe(
      'REASON_REQUIRED',
    );
    expect(code(() => decide(challengeMachine, { from: 'open', action: 'revise', actors: ['owner'], reason: ' ' }))).toBe(
      'REASON_REQUIRED',
    );
    expect(allowedActions(challengeMachine, 'open', ['system'])).toEqual(['close']);
    expect(allowedActions(challengeMachine, 'pending_review', ['operator'])).toEqual(['approve', 'return', 'terminate']);
  });

  it('shows the public a challenge from open on, never a draft or one under review of its text', () => {
    expect(CHALLENGE_STATES.filter(isChallengePublic)).toEqual([
      'open',
      'closed',
      'under_review',
      'publicity',
      'awarded',
      'in_milestones',
      'completed',
      'terminated',
    ]);
    expect(CHALLENGE_STATES.filter(isChallengeEditable)).toEqual(['draft', 'open']);
  });
});
