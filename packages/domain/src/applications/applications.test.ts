import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { APPLICATION_STATES, applicationMachine, MAX_CONSORTIUM_MEMBERS } from '../lifecycles.js';
import { allowedActions, decide } from '../state-machine.js';
import { consortiumMemberMachine } from './machine.js';
import { applicationContentSchema, applicationProblems } from './schema.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'none';
};

describe('application machine', () => {
  it('drafts submit and withdraw by the owner; the operator shortlists or refuses with a reason', () => {
    expect(APPLICATION_STATES[0]).toBe('draft');
    expect(decide(applicationMachine, { from: 'draft', action: 'submit', actors: ['owner'] }).to).toBe('submitted');
    expect(decide(applicationMachine, { from: 'submitted', action: 'withdraw', actors: ['owner'] }).to).toBe('withdrawn');
    expect(decide(applicationMachine, { from: 'submitted', action: 'shortlist', actors: ['operator'] }).to).toBe('shortlisted');
    expect(decide(applicationMachine, { from: 'shortlisted', action: 'not_award', actors: ['operator'], reason: '报价偏高' }).to).toBe(
      'not_awarded',
    );
    expect(allowedActions(applicationMachine, 'draft', ['owner'])).toEqual(['submit', 'withdraw']);
    expect(allowedActions(applicationMachine, 'draft', ['operator'])).toEqual([]);
  });
  it('refuses illegal moves', () => {
    expect(codeOf(() => decide(applicationMachine, { from: 'submitted', action: 'submit', actors: ['owner'] }))).toBe('ILLEGAL_TRANSITION');
    expect(codeOf(() => decide(applicationMachine, { from: 'draft', action: 'shortlist', actors: ['operator'] }))).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(codeOf(() => decide(applicationMachine, { from: 'withdrawn', action: 'submit', actors: ['owner'] }))).toBe('ILLEGAL_TRANSITION');
    expect(codeOf(() => decide(applicationMachine, { from: 'shortlisted', action: 'withdraw', actors: ['owner'] }))).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(codeOf(() => decide(applicationMachine, { from: 'draft', action: 'submit', actors: ['operator'] }))).toBe('FORBIDDEN');
    expect(codeOf(() => decide(applicationMachine, { from: 'submitted', action: 'not_award', actors: ['operator'] }))).toBe(
      'REASON_REQUIRED',
    );
  });
});

describe('proposed winners', () => {
  it('only a shortlisted application is proposed; the 公示 awards or an upheld objection revokes it', () => {
    expect(decide(applicationMachine, { from: 'shortlisted', action: 'propose', actors: ['operator'] }).to).toBe('proposed');
    expect(decide(applicationMachine, { from: 'proposed', action: 'unpropose', actors: ['operator'] }).to).toBe('shortlisted');
    expect(decide(applicationMachine, { from: 'proposed', action: 'award', actors: ['system'] }).to).toBe('awarded');
    expect(decide(applicationMachine, { from: 'proposed', action: 'revoke_proposal', actors: ['operator'], reason: '异议成立' }).to).toBe(
      'not_awarded',
    );
    expect(codeOf(() => decide(applicationMachine, { from: 'submitted', action: 'propose', actors: ['operator'] }))).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(codeOf(() => decide(applicationMachine, { from: 'shortlisted', action: 'award', actors: ['system'] }))).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(codeOf(() => decide(applicationMachine, { from: 'proposed', action: 'award', actors: ['operator'] }))).toBe('FORBIDDEN');
    expect(codeOf(() => decide(applicationMachine, { from: 'proposed', action: 'revoke_proposal', actors: ['operator'] }))).toBe(
      'REASON_REQUIRED',
    );
    expect(allowedActions(applicationMachine, 'shortlisted', ['operator'])).toEqual(['propose', 'not_award']);
  });
});

describe('consortium member machine', () => {
  it('an invited member confirms or declines; a declined one is invited again only by the lead’s list', () => {
    expect(decide(consortiumMemberMachine, { from: 'invited', action: 'confirm', actors: ['owner'] }).to).toBe('confirmed');
    expect(decide(consortiumMemberMachine, { from: 'confirmed', action: 'decline', actors: ['owner'] }).to).toBe('declined');
    expect(codeOf(() => decide(consortiumMemberMachine, { from: 'declined', action: 'confirm', actors: ['owner'] }))).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(codeOf(() => decide(consortiumMemberMachine, { from: 'declined', action: 'reinvite', actors: ['owner'] }))).toBe('FORBIDDEN');
  });
});

describe('application content', () => {
  const base = {
    plan: '采用深度学习视觉检测方案，部署线阵相机与边缘计算节点，实现在线检测。',
    teamLeader: { name: '李四', title: '首席工程师', phone: '13900139000' },
    quoteFen: 100,
    schedule: [{ plannedDate: '2027-01-01' }],
  };
  it('takes at most K distinct members', () => {
    const ids = Array.from({ length: MAX_CONSORTIUM_MEMBERS + 1 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
    expect(applicationContentSchema.safeParse({ ...base, memberOrganizationIds: ids.slice(0, MAX_CONSORTIUM_MEMBERS) }).success).toBe(true);
    expect(applicationContentSchema.safeParse({ ...base, memberOrganizationIds: ids }).success).toBe(false);
    expect(applicationContentSchema.safeParse({ ...base, memberOrganizationIds: [ids[0], ids[0]] }).success).toBe(false);
    expect(applicationContentSchema.parse(base).memberOrganizationIds).toEqual([]);
  });
  it('fits the challenge: quote within the reward, one ordered date per milestone, none past', () => {
    const ch = { rewardFen: 100, milestoneCount: 2 };
    const ok = { quoteFen: 100, schedule: [{ plannedDate: '2027-01-01' }, { plannedDate: '2027-01-01' }] };
    expect(applicationProblems(ok, ch, '2026-12-01')).toEqual([]);
    expect(applicationProblems({ ...ok, quoteFen: 101 }, ch, '2026-12-01').map((p) => p.path)).toEqual(['quoteFen']);
    expect(applicationProblems({ ...ok, schedule: ok.schedule.slice(1) }, ch, '2026-12-01').map((p) => p.path)).toEqual(['schedule']);
    expect(applicationProblems(ok, ch, '2027-01-02').map((p) => p.path)).toEqual(['schedule.0.plannedDate', 'schedule.1.plannedDate']);
    expect(
      applicationProblems({ ...ok, schedule: [{ plannedDate: '2027-02-01' }, { plannedDate: '2027-01-01' }] }, ch, '2026-12-01').map(
        (p) => p.path,
      ),
    ).toEqual(['schedule.1.plannedDate']);
  });
});
