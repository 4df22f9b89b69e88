import type { AwardMilestoneRow } from '@scenebridge/db';
import { DomainError, isMilestonePassed } from '@scenebridge/domain';

/** Milestones are delivered in order: n only once n-1 has passed (with or without conditions). */
export function canDeliverMilestone(
  m: Pick<AwardMilestoneRow, 'seq' | 'status'>,
  all: readonly Pick<AwardMilestoneRow, 'seq' | 'status'>[],
) {
  if (m.status !== 'pending' && m.status !== 'failed') return false;
  return all.filter((x) => x.seq < m.seq).every((x) => isMilestonePassed(x.status));
}

export function assertAwardActive(status: string) {
  if (status !== 'active') throw new DomainError('AWARD_NOT_ACTIVE', '任务书已结束，不能再操作', 409);
}
