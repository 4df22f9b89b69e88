import { describe, expect, it } from 'vitest';
import { objectionMachine, OBJECTION_STATES, PUBLICITY_STATES, publicityMachine, submissionMachine } from '../lifecycles.js';
import { decide, type Actor } from '../state-machine.js';
import { isObjectionWindowOpen } from './window.js';
import { objectionDecisionSchema, objectionInputSchema, publicityCreateSchema } from './schema.js';

const code = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('publicity machine', () => {
  it('walks draft → running (operator) → ended (clock) → final (clock)', () => {
    const path: Array<[string, Actor, string]> = [
      ['start', 'operator', 'running'],
      ['end', 'system', 'ended'],
      ['finalize', 'system', 'final'],
    ];
    let state: string = 'draft';
    for (const [action, actor, to] of path) {
      state = decide(publicityMachine, { from: state as never, action: action as never, actors: [actor] }).to;
      expect(state).toBe(to);
    }
  });

  it('refuses every move that is not in the table, and the operator cannot end or finalise by hand', () => {
    const legal = new Set(publicityMachine.transitions.flatMap((t) => t.from.map((f) => `${f}:${t.action}`)));
    for (const from of PUBLICITY_STATES) {
      for (const t of publicityMachine.transitions) {
        const c = code(() => decide(publicityMachine, { from, action: t.action, actors: ['operator', 'system'], reason: '原因' }));
        expect(c === 'ok', `${from} ${t.action}`).toBe(legal.has(`${from}:${t.action}`));
        if (!legal.has(`${from}:${t.action}`)) expect(c).toBe('ILLEGAL_TRANSITION');
      }
    }
    expect(code(() => decide(publicityMachine, { from: 'running', action: 'end', actors: ['operator'] }))).toBe('FORBIDDEN');
    expect(code(() => decide(publicityMachine, { from: 'ended', action: 'finalize', actors: ['operator'] }))).toBe('FORBIDDEN');
    expect(code(() => decide(publicityMachine, { from: 'draft', action: 'cancel', actors: ['operator'] }))).toBe('REASON_REQUIRED');
  });
});

describe('objection machine', () => {
  it('is decided once, by the operator, with a reason', () => {
    for (const action of ['dismiss', 'uphold'] as const) {
      expect(decide(objectionMachine, { from: 'pending', action, actors: ['operator'], reason: '经核实' }).to).toBe(
        action === 'dismiss' ? 'dismissed' : 'upheld',
      );
      expect(code(() => decide(objectionMachine, { from: 'pending', action, actors: ['operator'], reason: '  ' }))).toBe('REASON_REQUIRED');
      expect(code(() => decide(objectionMachine, { from: 'pending', action, actors: ['owner'], reason: '经核实' }))).toBe('FORBIDDEN');
      for (const from of OBJECTION_STATES.filter((s) => s !== 'pending')) {
        expect(code(() => decide(objectionMachine, { from, action, actors: ['operator'], reason: '改判' }))).toBe('ILLEGAL_TRANSITION');
      }
    }
  });

  it('an upheld objection takes a selected item out through revoke_selection, which nobody else takes', () => {
    expect(decide(submissionMachine, { from: 'selected', action: 'revoke_selection', actors: ['operator'], reason: '异议成立' }).to).toBe(
      'rejected',
    );
    expect(
      code(() => decide(submissionMachine, { from: 'published', action: 'revoke_selection', actors: ['operator'], reason: 'x' })),
    ).toBe('ILLEGAL_TRANSITION');
  });
});

describe('the objection window', () => {
  const p = { status: 'running', startedAt: new Date('2025-09-26T02:00:00Z'), endsAt: new Date('2025-10-10T16:00:00Z') };
  it('is half-open [startedAt, endsAt) and only while running', () => {
    expect(isObjectionWindowOpen(p, new Date('2025-09-26T02:00:00Z'))).toBe(true);
    expect(isObjectionWindowOpen(p, new Date('2025-10-10T15:59:59.999Z'))).toBe(true);
    expect(isObjectionWindowOpen(p, new Date('2025-10-10T16:00:00Z'))).toBe(false);
    expect(isObjectionWindowOpen(p, new Date('2025-09-26T01:59:59.999Z'))).toBe(false);
    expect(isObjectionWindowOpen({ ...p, status: 'ended' }, new Date('2025-10-01T00:00:00Z'))).toBe(false);
    expect(isObjectionWindowOpen({ status: 'draft', startedAt: null, endsAt: null }, new Date())).toBe(false);
  });
});

describe('input', () => {
  it('names the field of each refusal and never clamps', () => {
    const days = publicityCreateSchema.safeParse({
      subjectKind: 'call_selection',
      subjectId: '00000000-0000-4000-8000-000000000000',
      workingDays: 31,
    });
    expect(days.success).toBe(false);
    expect(days.error!.issues[0]!.path).toEqual(['workingDays']);
    expect(
      publicityCreateSchema.parse({ subjectKind: 'call_selection', subjectId: '00000000-0000-4000-8000-000000000000' }).workingDays,
    ).toBe(5);
    const o = objectionInputSchema.safeParse({ itemId: 'x', reasons: '短', contact: '' });
    expect(o.error!.issues.map((i) => i.path[0])).toEqual(['itemId', 'reasons', 'contact']);
    expect(objectionDecisionSchema.safeParse({ action: 'uphold', reason: '' }).error!.issues[0]!.path).toEqual(['reason']);
  });
});
