import { describe, expect, it } from 'vitest';
import { auditListQuery } from './audit-filters.js';

describe('auditListQuery', () => {
  it('turns Shanghai calendar days into [from 00:00, the day after to 00:00) at UTC+8', () => {
    expect(auditListQuery({ from: '2026-04-01', to: '2026-04-02' })).toMatchObject({
      atOrAfter: new Date('2026-03-31T16:00:00Z'),
      before: new Date('2026-04-02T16:00:00Z'),
    });
    expect(auditListQuery({ from: '2026-04-01', to: '2026-04-01' }).before).toEqual(new Date('2026-04-01T16:00:00Z'));
    expect(auditListQuery({})).toEqual({
      entityType: undefined,
      entityId: undefined,
      actorUserId: undefined,
      atOrAfter: undefined,
      before: undefined,
    });
  });

  it('refuses a range that ends before it starts and a day the calendar lacks (400)', () => {
    expect(() => auditListQuery({ from: '2026-04-02', to: '2026-04-01' })).toThrow('开始日期不能晚于结束日期');
    expect(() => auditListQuery({ from: '2026-02-29' })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', status: 400 }));
    expect(() => auditListQuery({ to: '2024-02-29' })).not.toThrow();
  });
});
