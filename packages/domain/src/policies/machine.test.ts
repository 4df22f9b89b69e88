import { describe, expect, it } from 'vitest';
import { allowedActions, decide } from '../state-machine.js';
import { DomainError } from '../errors.js';
import { calculatorMachine, policyMachine } from './machine.js';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'none';
};

describe('policy lifecycles', () => {
  it('an operator publishes a draft and withdraws a published policy only with a reason', () => {
    expect(decide(policyMachine, { from: 'draft', action: 'publish', actors: ['operator'] }).to).toBe('published');
    expect(codeOf(() => decide(policyMachine, { from: 'draft', action: 'publish', actors: ['owner'] }))).toBe('FORBIDDEN');
    expect(codeOf(() => decide(policyMachine, { from: 'published', action: 'withdraw', actors: ['operator'] }))).toBe('REASON_REQUIRED');
    expect(decide(policyMachine, { from: 'published', action: 'withdraw', actors: ['operator'], reason: '已废止' }).to).toBe('withdrawn');
    expect(allowedActions(policyMachine, 'withdrawn', ['operator', 'system'])).toEqual([]);
  });

  it('a calculator is used only once confirmed, and a revision makes it a proposal again', () => {
    expect(decide(calculatorMachine, { from: 'proposed', action: 'confirm', actors: ['operator'] }).to).toBe('confirmed');
    expect(codeOf(() => decide(calculatorMachine, { from: 'confirmed', action: 'confirm', actors: ['operator'] }))).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(decide(calculatorMachine, { from: 'confirmed', action: 'revise', actors: ['operator'] }).to).toBe('proposed');
  });
});
