import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCEPTANCE_VERDICTS, acceptanceOutcome, milestoneAmounts } from './acceptance.js';
import { awardMachine, milestoneMachine } from '../lifecycles.js';
import { allowedActions, decide } from '../state-machine.js';
import type { DomainError } from '../errors.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'none';
};

describe('acceptance outcome', () => {
  it('all pass passes; a reservation passes with its conditions; a majority of fail fails', () => {
    expect(
      acceptanceOutcome([
        { verdict: 'pass', score: 90, opinion: '' },
        { verdict: 'pass', score: 85, opinion: '良好' },
      ]),
    ).toEqual({
      outcome: 'passed',
      meanScore: 87.5,
      reason: null,
    });
    expect(
      acceptanceOutcome([
        { verdict: 'pass', score: 80, opinion: '' },
        { verdict: 'pass_with_conditions', score: 70, opinion: '补充测试报告' },
        { verdict: 'fail', score: 50, opinion: '识别率未达标' },
      ]),
    ).toEqual({ outcome: 'passed_with_conditions', meanScore: 66.67, reason: '补充测试报告；识别率未达标' });
    expect(
      acceptanceOutcome([
        { verdict: 'fail', score: 40, opinion: '未交付' },
        { verdict: 'fail', score: 30, opinion: '' },
        { verdict: 'pass', score: 90, opinion: '' },
      ]).outcome,
    ).toBe('failed');
  });
  it('never passes outright when anyone has a reservation, and never fails without a majority of fail', () => {
    const opinion = fc.record({
      verdict: fc.constantFrom(...ACCEPTANCE_VERDICTS),
      score: fc.integer({ min: 0, max: 100 }),
      opinion: fc.string(),
    });
    fc.assert(
      fc.property(fc.array(opinion, { minLength: 1, maxLength: 9 }), (ops) => {
        const r = acceptanceOutcome(ops);
        const fails = ops.filter((o) => o.verdict === 'fail').length;
        if (r.outcome === 'passed') expect(ops.every((o) => o.verdict === 'pass')).toBe(true);
        if (r.outcome === 'failed') expect(fails * 2).toBeGreaterThan(ops.length);
        else expect(fails * 2).toBeLessThanOrEqual(ops.length);
        expect(r.outcome === 'passed' ? r.reason : typeof r.reason).toBe(r.outcome === 'passed' ? null : 'string');
        expect(r.meanScore).toBeGreaterThanOrEqual(0);
        expect(r.meanScore).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('milestone amounts', () => {
  it('split the award by percent and always add up to it exactly', () => {
    expect(milestoneAmounts(100_000_01, [30, 30, 40])).toEqual([30_000_00, 30_000_00, 40_000_01]);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 12 }),
        (amount, percents) => {
          const total = percents.reduce((s, p) => s + p, 0);
          if (total !== 100) return;
          const shares = milestoneAmounts(amount, percents);
          expect(shares.reduce((s, x) => s + x, 0)).toBe(amount);
          expect(shares.every((x) => x >= 0)).toBe(true);
        },
      ),
    );
  });
});

describe('award and milestone machines', () => {
  it('an award completes by the system, is eliminated or terminated with a reason', () => {
    expect(decide(awardMachine, { from: 'active', action: 'complete', actors: ['system'] }).to).toBe('completed');
    expect(decide(awardMachine, { from: 'active', action: 'eliminate', actors: ['operator'], reason: '检查点指标未达标' }).to).toBe(
      'eliminated',
    );
    expect(codeOf(() => decide(awardMachine, { from: 'active', action: 'eliminate', actors: ['operator'] }))).toBe('REASON_REQUIRED');
    expect(codeOf(() => decide(awardMachine, { from: 'completed', action: 'terminate', actors: ['operator'], reason: 'x' }))).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(codeOf(() => decide(awardMachine, { from: 'active', action: 'complete', actors: ['operator'] }))).toBe('FORBIDDEN');
  });
  it('a milestone is delivered by the winner, concluded by the system, delivered again after a fail', () => {
    expect(decide(milestoneMachine, { from: 'pending', action: 'deliver', actors: ['owner'] }).to).toBe('submitted');
    expect(decide(milestoneMachine, { from: 'submitted', action: 'fail', actors: ['system'], reason: '未达标' }).to).toBe('failed');
    expect(decide(milestoneMachine, { from: 'failed', action: 'deliver', actors: ['owner'] }).to).toBe('submitted');
    expect(decide(milestoneMachine, { from: 'submitted', action: 'pass', actors: ['system'] }).to).toBe('passed');
    expect(codeOf(() => decide(milestoneMachine, { from: 'passed', action: 'deliver', actors: ['owner'] }))).toBe('ILLEGAL_TRANSITION');
    expect(codeOf(() => decide(milestoneMachine, { from: 'submitted', action: 'pass', actors: ['operator'] }))).toBe('FORBIDDEN');
    expect(allowedActions(milestoneMachine, 'submitted', ['owner'])).toEqual([]);
  });
});
