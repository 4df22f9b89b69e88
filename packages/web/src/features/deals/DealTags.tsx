import { DEAL_ACTIVITY_STATE_LABELS, DEAL_SOURCE_LABELS, DEAL_STATE_LABELS } from '@scenebridge/contract/deals/labels';
import type { DealSource } from '@scenebridge/contract/deals/lifecycle';
import { Tag } from 'antd';
import { isStage, STAGE_COLORS } from './stages';

export function DealStage({ status }: { status: string }) {
  return (
    <Tag color={isStage(status) ? STAGE_COLORS[status] : 'default'} data-testid="deal-status" data-status={status}>
      {isStage(status) ? DEAL_STATE_LABELS[status] : status}
    </Tag>
  );
}

/** Shown only for a dormant deal: it keeps its stage, the badge says nobody has followed it up. */
export function DormantBadge({ activity }: { activity: string }) {
  if (activity !== 'dormant') return null;
  return (
    <Tag color="warning" data-testid="deal-dormant">
      {DEAL_ACTIVITY_STATE_LABELS.dormant}
    </Tag>
  );
}

export function DealSourceTag({ source }: { source: string }) {
  return <Tag>{DEAL_SOURCE_LABELS[source as DealSource] ?? source}</Tag>;
}
