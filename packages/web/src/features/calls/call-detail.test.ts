import { describe, expect, it } from 'vitest';
import { callStages, closedEarly, currentStage, reviewProgress, type StageCall } from './call-detail';

const fmt = (iso: string) => iso.slice(0, 10);
const base: StageCall = {
  status: 'open',
  opensAt: '2026-11-01T00:00:00.000Z',
  closesAt: '2026-12-31T00:00:00.000Z',
  closedAt: null,
  statusReason: null,
};
const statuses = (c: StageCall) => callStages(c, fmt).map((s) => `${s.key}:${s.status}`);

describe('call stages', () => {
  it('follow the lifecycle, the current stage in process', () => {
    expect(statuses({ ...base, status: 'draft' })).toEqual([
      'prepare:process',
      'open:wait',
      'closed:wait',
      'reviewing:wait',
      'results_published:wait',
    ]);
    expect(statuses(base)).toEqual(['prepare:finish', 'open:process', 'closed:wait', 'reviewing:wait', 'results_published:wait']);
    expect(statuses({ ...base, status: 'reviewing', closedAt: base.closesAt })).toEqual([
      'prepare:finish',
      'open:finish',
      'closed:finish',
      'reviewing:process',
      'results_published:wait',
    ]);
    expect(statuses({ ...base, status: 'results_published', closedAt: base.closesAt }).at(-1)).toBe('results_published:finish');
  });

  it('mark the stage the call is in as current', () => {
    expect(currentStage(callStages({ ...base, status: 'draft' }, fmt))).toBe(0);
    expect(currentStage(callStages({ ...base, status: 'closed', closedAt: base.closesAt }, fmt))).toBe(2);
    expect(currentStage(callStages({ ...base, status: 'results_published', closedAt: base.closesAt }, fmt))).toBe(4);
    expect(currentStage(callStages({ ...base, status: 'cancelled' }, fmt))).toBe(1);
  });

  it('date the window: planned before it happens, and an early close', () => {
    const scheduled = callStages({ ...base, status: 'scheduled' }, fmt);
    expect(scheduled[0]!.lines).toEqual(['已公布，计划 2026-11-01 开放']);
    expect(scheduled[1]!.lines).toEqual(['计划开始：2026-11-01']);
    expect(scheduled[2]!.lines).toEqual(['计划截止：2026-12-31']);

    const early = { ...base, status: 'closed' as const, closedAt: '2026-12-07T02:00:00.000Z' };
    expect(closedEarly(early)).toBe(true);
    expect(callStages(early, fmt)[2]!.lines).toEqual(['截止：2026-12-31', '已于 2026-12-07 提前截止']);
    // Closed by the clock at the deadline: nothing early about it.
    expect(callStages({ ...early, closedAt: base.closesAt }, fmt)[2]!.lines).toEqual(['截止：2026-12-31']);
  });

  it('a cancelled call shows as such, with its reason', () => {
    const stages = callStages({ ...base, status: 'cancelled', statusReason: '政策调整' }, fmt);
    expect(stages.map((s) => `${s.key}:${s.status}`)).toEqual(['prepare:finish', 'cancelled:error']);
    expect(stages[1]!.lines).toEqual(['原因：政策调整']);
  });
});

describe('review progress', () => {
  it('adds up the reviewers’ assignments and counts ranked and decided items', () => {
    const item = (status: string, count: number, rank: number | null) =>
      ({ status, count, rank }) as unknown as Parameters<typeof reviewProgress>[0]['items'][number];
    const reviewer = (assigned: number, submitted: number, overdue = 0) =>
      ({ reviewerUserId: 'r', name: 'r', assigned, submitted, pending: assigned - submitted, conflicts: 0, overdue }) as const;
    const p = reviewProgress({
      call: { id: 'c', title: 't', status: 'reviewing', reviewScheme: { reviewersPerItem: 2, blind: false, criteria: [] } },
      items: [item('in_review', 1, 2), item('selected', 2, 1), item('rejected', 2, 3), item('in_review', 0, null)],
      reviewers: [reviewer(4, 3, 1), reviewer(4, 2)],
    });
    expect(p).toMatchObject({
      items: 4,
      ranked: 3,
      scored: 5,
      assignments: 8,
      overdue: 1,
      reviewers: 2,
      selected: 1,
      rejected: 1,
      inReview: 2,
    });
  });
});
