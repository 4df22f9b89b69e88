import { CHALLENGE_STATE_LABELS, type ChallengeState } from '@scenebridge/contract/challenges/labels';
import { Tag } from 'antd';

const COLORS: Partial<Record<ChallengeState, string>> = {
  draft: 'default',
  pending_review: 'gold',
  open: 'green',
  closed: 'blue',
  under_review: 'processing',
  publicity: 'purple',
  awarded: 'cyan',
  in_milestones: 'geekblue',
  completed: 'success',
  terminated: 'red',
};

export function ChallengeStatus({ status }: { status: string }) {
  return (
    <Tag color={COLORS[status as ChallengeState] ?? 'default'} data-testid="status-tag" data-status={status}>
      {CHALLENGE_STATE_LABELS[status as ChallengeState] ?? status}
    </Tag>
  );
}
