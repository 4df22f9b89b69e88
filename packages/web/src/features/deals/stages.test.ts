import { describe, expect, it } from 'vitest';
import { judgeMove, moveAction, moveTargets } from './stages';

describe('board moves follow the deal machine', () => {
  it('maps a drop between neighbouring columns to the transition', () => {
    expect(moveAction('suggested', 'intent')).toBe('express_intent');
    expect(moveAction('intent', 'meeting')).toBe('schedule_meeting');
    expect(moveAction('meeting', 'negotiating')).toBe('negotiate');
    expect(moveAction('negotiating', 'signed')).toBe('sign');
    for (const from of ['suggested', 'intent', 'meeting', 'negotiating']) expect(moveAction(from, 'declined')).toBe('decline');
  });

  it('has no move for skipped stages, backwards moves or closed deals', () => {
    expect(moveAction('suggested', 'signed')).toBeNull();
    expect(moveAction('meeting', 'intent')).toBeNull();
    expect(moveAction('signed', 'declined')).toBeNull();
    expect(moveAction('declined', 'intent')).toBeNull();
    expect(judgeMove('suggested', 'signed', ['express_intent', 'decline'])).toEqual({ kind: 'illegal' });
    expect(judgeMove('intent', 'intent', ['schedule_meeting'])).toEqual({ kind: 'same' });
  });

  it('takes only what the server allows, and asks a reason for decline', () => {
    expect(judgeMove('intent', 'meeting', [])).toEqual({ kind: 'not_allowed', action: 'schedule_meeting' });
    expect(judgeMove('intent', 'meeting', ['schedule_meeting'])).toEqual({ kind: 'move', action: 'schedule_meeting', needsReason: false });
    expect(judgeMove('meeting', 'declined', ['negotiate', 'decline'])).toEqual({ kind: 'move', action: 'decline', needsReason: true });
  });

  it('lists the 移动到… targets in board order', () => {
    expect(moveTargets(['decline', 'negotiate', 'assign'])).toEqual([
      { action: 'negotiate', to: 'negotiating' },
      { action: 'decline', to: 'declined' },
    ]);
  });
});
