import { AWARD_STATE_LABELS, MILESTONE_STATE_LABELS } from '@scenebridge/contract/awards/labels';
import type { AwardState, MilestoneState } from '@scenebridge/contract/awards/lifecycle';
import { Tag } from 'antd';

const AWARD_COLORS: Record<AwardState, string> = { active: 'blue', completed: 'success', eliminated: 'red', terminated: 'default' };
const MILESTONE_COLORS: Record<MilestoneState, string> = {
  pending: 'default',
  submitted: 'gold',
  passed: 'success',
  passed_with_conditions: 'green',
  failed: 'red',
};

export function AwardStatus({ status }: { status: string }) {
  return (
    <Tag color={AWARD_COLORS[status as AwardState] ?? 'default'} data-testid="award-status" data-status={status}>
      {AWARD_STATE_LABELS[status as AwardState] ?? status}
    </Tag>
  );
}

export function MilestoneStatus({ status }: { status: string }) {
  return (
    <Tag color={MILESTONE_COLORS[status as MilestoneState] ?? 'default'} data-testid="milestone-status" data-status={status}>
      {MILESTONE_STATE_LABELS[status as MilestoneState] ?? status}
    </Tag>
  );
}
