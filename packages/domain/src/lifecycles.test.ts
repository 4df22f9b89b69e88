import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import {
  APPLICATION_STATES,
  applicationMachine,
  CALL_STATES,
  callAcceptsDrafts,
  callAcceptsImportsByOperator,
  callMachine,
  CHALLENGE_STATES,
  challengeMachine,
  CONTRACT_REGISTRATION_STATES,
  contractRegistrationMachine,
  DEAL_ACTIVITY_STATES,
  DEAL_STATES,
  dealActivityMachine,
  dealMachine,
  INTEREST_STATES,
  interestMachine,
  isCallEditable,
  isCallInReview,
  isCallVisibleToOrganisations,
  isSubmissionEditable,
  ORGANIZATION_STATES,
  organizationMachine,
  REVIEW_ASSIGNMENT_STATES,
  reviewAssignmentMachine,
  SUBMISSION_STATES,
  submissionMachine,
} from './lifecycles.js';
import { REVIEW_ASSIGNMENT_STATE_LABELS } from './glossary.js';
import { allowedActions, decide, type Actor, type Machine } from './state-machine.js';

const ACTORS: readonly Actor[] = ['operator', 'owner', 'reviewer', 'broker', 'registrar', 'system'];

const MACHINES: ReadonlyArray<readonly [string, Machine<string, string>, readonly string[]]> = [
  ['organization', organizationMachine, ORGANIZATION_STATES],
  ['call', callMachine, CALL_STATES],
  ['submission', submissionMachine, SUBMISSION_STATES],
  ['challenge', challengeMachine, CHALLENGE_STATES],
  ['application', applicationMachine, APPLICATION_STATES],
  ['deal', dealMachine, DEAL_STATES],
  ['deal activity', dealActivityMachine, DEAL_ACTIVITY_STATES],
  ['interest', interestMachine, INTEREST_STATES],
  ['contract registration', contractRegistrationMachine, CONTRACT_REGISTRATION_STATES],
  ['review assignment', reviewAssignmentMachine, REVIEW_ASSIGNMENT_STATES],
];

/** Runs `fn` and returns the DomainError it throws (failing the test if it does not throw one). */
function domainErrorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

const actionsOf = (m: Machine<string, string>) => [...new Set(m.transitions.map((t) => t.action))];
/** The transition `decide` should pick for (state, action), if any. */
const transitionFor = (m: Machine<string, string>, from: string, action: string) =>
  m.transitions.find((t) => t.action === action && t.from.includes(from));

describe.each(MACHINES)('%s machine', (_name, machine, states) => {
  it('names its states and uses only them', () => {
    expect(machine.states).toEqual(states);
    for (const t of machine.transitions) {
      expect(states).toContain(t.to);
      expect(t.from.length).toBeGreaterThan(0);
      for (const f of t.from) expect(states).toContain(f);
      expect(t.by.length).toBeGreaterThan(0);
      for (const a of t.by) expect(ACTORS).toContain(a);
    }
  });

  it('takes every listed transition from each of its states, for each of its actors', () => {
    let checked = 0;
    for (const t of machine.transitions) {
      for (const from of t.from) {
        for (const actor of t.by) {
          const got = decide(machine, { from, action: t.action, actors: [actor], reason: '经核实，情况属实' });
          expect(got.to).toBe(t.to);
          expect(got.action).toBe(t.action);
          if (!t.reasonRequired) {
            expect(decide(machine, { from, action: t.action, actors: [actor] }).to).toBe(t.to);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('refuses every (state, action) pair not in the table with ILLEGAL_TRANSITION', () => {
    let refused = 0;
    for (const from of states) {
      for (const action of actionsOf(machine)) {
        if (transitionFor(machine, from, action)) continue;
        // Even with every actor and a reason: the state decides first.
        const err = domainErrorOf(() => decide(machine, { from, action, actors: ACTORS, reason: '测试' }));
        expect(err.code).toBe('ILLEGAL_TRANSITION');
        expect(err.status).toBe(409);
        expect(err.details).toEqual({ machine: machine.name, from, action });
        expect(err.message).toContain(from);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(0);
  });

  it('refuses an actor not allowed to take a transition with FORBIDDEN', () => {
    for (const from of states) {
      for (const action of actionsOf(machine)) {
        const t = transitionFor(machine, from, action);
        if (!t) continue;
        const outsiders = ACTORS.filter((a) => !t.by.includes(a));
        for (const actor of outsiders) {
          const err = domainErrorOf(() => decide(machine, { from, action, actors: [actor], reason: '测试' }));
          expect(err.code).toBe('FORBIDDEN');
          expect(err.status).toBe(403);
        }
        if (outsiders.length > 0) {
          expect(domainErrorOf(() => decide(machine, { from, action, actors: outsiders, reason: '测试' })).code).toBe('FORBIDDEN');
        }
        // No actors at all is never enough.
        expect(domainErrorOf(() => decide(machine, { from, action, actors: [], reason: '测试' })).code).toBe('FORBIDDEN');
      }
    }
  });

  it('accepts an allowed actor among several', () => {
    for (const t of machine.transitions) {
      const from = t.from[0]!;
      const mixed = [...ACTORS.filter((a) => !t.by.includes(a)), t.by[0]!];
      expect(decide(machine, { from, action: t.action, actors: mixed, reason: '测试' }).to).toBe(t.to);
    }
  });

  it('asks for a reason where one is required', () => {
    for (const t of machine.transitions.filter((x) => x.reasonRequired)) {
      for (const from of t.from) {
        const actors = [t.by[0]!];
        for (const reason of [undefined, null, '', '   ', '\n\t']) {
          const err = domainErrorOf(() => decide(machine, { from, action: t.action, actors, reason }));
          expect(err.code).toBe('REASON_REQUIRED');
          expect(err.status).toBe(400);
        }
        expect(decide(machine, { from, action: t.action, actors, reason: '材料不完整' }).to).toBe(t.to);
      }
    }
  });

  it('refuses an unknown action with UNKNOWN_ACTION', () => {
    const err = domainErrorOf(() => decide(machine, { from: states[0]!, action: 'no_such_action', actors: ACTORS }));
    expect(err.code).toBe('UNKNOWN_ACTION');
    expect(err.status).toBe(400);
  });

  it('lists exactly the actions decide would allow', () => {
    for (const from of states) {
      for (const actor of ACTORS) {
        const listed = allowedActions(machine, from, [actor]).sort();
        const decided = actionsOf(machine)
          .filter((action) => {
            try {
              decide(machine, { from, action, actors: [actor], reason: '测试' });
              return true;
            } catch {
              return false;
            }
          })
          .sort();
        expect(listed).toEqual(decided);
      }
    }
  });
});

describe('lifecycle specifics', () => {
  it('reasons are required for rejections, returns, cancellations, terminations and declines', () => {
    const required = (m: Machine<string, string>) =>
      m.transitions
        .filter((t) => t.reasonRequired)
        .map((t) => t.action)
        .sort();
    expect(required(organizationMachine)).toEqual(['reject']);
    expect(required(callMachine)).toEqual(['cancel']);
    expect(required(submissionMachine)).toEqual(['merge', 'reject', 'return_for_revision', 'revoke_selection']);
    expect(required(challengeMachine)).toEqual(['reopen_review', 'return', 'revise', 'terminate']);
    expect(required(applicationMachine)).toEqual(['not_award', 'revoke_proposal']);
    expect(required(dealMachine)).toEqual(['decline']);
    expect(required(contractRegistrationMachine)).toEqual(['refuse', 'return_for_correction']);
    expect(required(reviewAssignmentMachine)).toEqual(['declare_conflict']);
  });

  it('a challenge in milestones completes by the operator or by the system when its last award closes', () => {
    for (const actor of ['operator', 'system'] as const)
      expect(decide(challengeMachine, { from: 'in_milestones', action: 'complete', actors: [actor] }).to).toBe('completed');
    expect(() => decide(challengeMachine, { from: 'in_milestones', action: 'complete', actors: ['owner'] })).toThrow();
  });

  it('walks a scenario need from draft to benchmark case', () => {
    const path: Array<[string, Actor]> = [
      ['submit', 'owner'],
      ['start_review', 'operator'],
      ['select', 'operator'],
      ['publish', 'system'],
      ['start_matching', 'broker'],
      ['award', 'operator'],
      ['start_delivery', 'owner'],
      ['accept', 'operator'],
      ['promote_benchmark', 'operator'],
    ];
    let state = 'draft';
    for (const [action, actor] of path)
      state = decide(submissionMachine, { from: state as never, action: action as never, actors: [actor] }).to;
    expect(state).toBe('benchmark_case');
  });

  it('lets only the clock expire a submission, from the open states only', () => {
    for (const s of ['draft', 'submitted', 'in_review', 'returned_for_revision', 'selected', 'published', 'matching'] as const) {
      expect(decide(submissionMachine, { from: s, action: 'expire', actors: ['system'] }).to).toBe('expired');
      expect(domainErrorOf(() => decide(submissionMachine, { from: s, action: 'expire', actors: ['operator', 'owner'] })).code).toBe(
        'FORBIDDEN',
      );
    }
    for (const s of ['rejected', 'awarded', 'in_delivery', 'accepted', 'benchmark_case', 'withdrawn', 'expired', 'discarded'] as const) {
      expect(domainErrorOf(() => decide(submissionMachine, { from: s, action: 'expire', actors: ['system'] })).code).toBe(
        'ILLEGAL_TRANSITION',
      );
    }
  });

  it('gives the owner of a draft need submit and discard (删除草稿, not withdraw), and the operator nothing', () => {
    expect(allowedActions(submissionMachine, 'draft', ['owner']).sort()).toEqual(['discard', 'submit']);
    expect(allowedActions(submissionMachine, 'submitted', ['owner']).sort()).toEqual(['withdraw']);
    expect(allowedActions(submissionMachine, 'discarded', ACTORS)).toEqual([]);
    expect(allowedActions(submissionMachine, 'draft', ['operator'])).toEqual([]);
    expect(allowedActions(submissionMachine, 'benchmark_case', ACTORS)).toEqual([]);
  });

  it('opens a call by hand or by the clock, from draft or scheduled', () => {
    expect(decide(callMachine, { from: 'scheduled', action: 'open', actors: ['system'] }).to).toBe('open');
    expect(decide(callMachine, { from: 'draft', action: 'open', actors: ['operator'] }).to).toBe('open');
    expect(domainErrorOf(() => decide(callMachine, { from: 'open', action: 'cancel', actors: ['operator'], reason: '测试' })).code).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(domainErrorOf(() => decide(callMachine, { from: 'results_published', action: 'open', actors: ['operator'] })).code).toBe(
      'ILLEGAL_TRANSITION',
    );
  });

  it('ends deals only in signed or declined', () => {
    expect(allowedActions(dealMachine, 'signed', ACTORS)).toEqual([]);
    expect(allowedActions(dealMachine, 'declined', ACTORS)).toEqual([]);
    expect(decide(dealMachine, { from: 'negotiating', action: 'sign', actors: ['broker'] }).to).toBe('signed');
  });

  it('an interest is accepted or declined (with a reason) once, only by its recipient', () => {
    expect(decide(interestMachine, { from: 'open', action: 'accept', actors: ['owner'] }).to).toBe('accepted');
    expect(domainErrorOf(() => decide(interestMachine, { from: 'open', action: 'decline', actors: ['owner'] })).code).toBe(
      'REASON_REQUIRED',
    );
    expect(decide(interestMachine, { from: 'open', action: 'decline', actors: ['owner'], reason: '方向不符' }).to).toBe('declined');
    expect(domainErrorOf(() => decide(interestMachine, { from: 'open', action: 'accept', actors: ['broker', 'operator'] })).code).toBe(
      'FORBIDDEN',
    );
    for (const from of ['accepted', 'declined'] as const) expect(allowedActions(interestMachine, from, ACTORS)).toEqual([]);
  });

  it("wakes a dormant deal on any party's activity; only the clock puts it to sleep", () => {
    expect(decide(dealActivityMachine, { from: 'active', action: 'go_dormant', actors: ['system'] }).to).toBe('dormant');
    expect(domainErrorOf(() => decide(dealActivityMachine, { from: 'active', action: 'go_dormant', actors: ['broker'] })).code).toBe(
      'FORBIDDEN',
    );
    for (const actor of ['owner', 'broker', 'operator', 'system'] as const)
      expect(decide(dealActivityMachine, { from: 'dormant', action: 'wake', actors: [actor] }).to).toBe('active');
  });

  it('registers a technology contract only after acceptance, by a registrar or operator; the seller submits', () => {
    expect(
      domainErrorOf(() => decide(contractRegistrationMachine, { from: 'submitted', action: 'register', actors: ['registrar'] })).code,
    ).toBe('ILLEGAL_TRANSITION');
    expect(decide(contractRegistrationMachine, { from: 'accepted', action: 'register', actors: ['registrar'] }).to).toBe('registered');
    expect(domainErrorOf(() => decide(contractRegistrationMachine, { from: 'accepted', action: 'register', actors: ['owner'] })).code).toBe(
      'FORBIDDEN',
    );
    expect(domainErrorOf(() => decide(contractRegistrationMachine, { from: 'submitted', action: 'accept', actors: ['owner'] })).code).toBe(
      'FORBIDDEN',
    );
    expect(decide(contractRegistrationMachine, { from: 'returned', action: 'resubmit', actors: ['owner'] }).to).toBe('submitted');
    expect(allowedActions(contractRegistrationMachine, 'registered', ACTORS)).toEqual([]);
    expect(allowedActions(contractRegistrationMachine, 'refused', ACTORS)).toEqual([]);
  });

  it('has the review assignment table: who moves an assignment, from where, to where', () => {
    const table = reviewAssignmentMachine.transitions.map((t) => [t.action, [...t.from], t.to, [...t.by]]);
    expect(table).toEqual([
      ['save_scores', ['assigned'], 'assigned', ['reviewer']],
      ['submit_scores', ['assigned'], 'submitted', ['reviewer']],
      ['declare_conflict', ['assigned'], 'conflict_declared', ['reviewer']],
      ['withdraw', ['assigned'], 'withdrawn', ['operator']],
      ['reopen', ['submitted'], 'assigned', ['system']],
    ]);
    // Only the clock side (a resubmitted item) reopens scores; a declared conflict and a withdrawal are final.
    expect(allowedActions(reviewAssignmentMachine, 'submitted', ACTORS)).toEqual(['reopen']);
    expect(allowedActions(reviewAssignmentMachine, 'conflict_declared', ACTORS)).toEqual([]);
    expect(allowedActions(reviewAssignmentMachine, 'withdrawn', ACTORS)).toEqual([]);
    expect(domainErrorOf(() => decide(reviewAssignmentMachine, { from: 'submitted', action: 'withdraw', actors: ['operator'] })).code).toBe(
      'ILLEGAL_TRANSITION',
    );
  });

  it('labels every review assignment state in Chinese', () => {
    for (const s of REVIEW_ASSIGNMENT_STATES) expect(REVIEW_ASSIGNMENT_STATE_LABELS[s]).toMatch(/^[\u4e00-\u9fff]+$/);
  });

  it('names the call-status rules the use cases share, one state set each', () => {
    const where = (rule: (s: string) => boolean) => CALL_STATES.filter(rule);
    expect(where(isCallVisibleToOrganisations)).toEqual(['scheduled', 'open', 'closed', 'reviewing', 'results_published']);
    expect(where(isCallEditable)).toEqual(['draft', 'scheduled']);
    expect(where(callAcceptsDrafts)).toEqual(['scheduled', 'open']);
    expect(where(callAcceptsImportsByOperator)).toEqual(['open', 'closed', 'reviewing']);
    expect(where(isCallInReview)).toEqual(['reviewing']);
    // An editable call is one that can still be opened: the rule follows the machine.
    for (const s of CALL_STATES) expect(isCallEditable(s)).toBe(allowedActions(callMachine, s, ['operator']).includes('open'));
    expect(SUBMISSION_STATES.filter(isSubmissionEditable)).toEqual(['draft', 'returned_for_revision']);
    expect(isCallVisibleToOrganisations('no_such_state')).toBe(false);
  });
});
