import { APPLICATION_STATE_LABELS, MEMBER_STATE_LABELS, type ApplicationState } from '@scenebridge/contract/applications/labels';
import { Tag } from 'antd';

const COLORS: Partial<Record<ApplicationState, string>> = {
  draft: 'default',
  submitted: 'blue',
  withdrawn: 'default',
  shortlisted: 'purple',
  proposed: 'gold',
  awarded: 'success',
  not_awarded: 'red',
};

export function ApplicationStatus({ status }: { status: string }) {
  return (
    <Tag color={COLORS[status as ApplicationState] ?? 'default'} data-testid="application-status" data-status={status}>
      {APPLICATION_STATE_LABELS[status as ApplicationState] ?? status}
    </Tag>
  );
}

const MEMBER_COLORS = { invited: 'gold', confirmed: 'green', declined: 'red' } as const;
export function MemberStatus({ status }: { status: 'invited' | 'confirmed' | 'declined' }) {
  return (
    <Tag color={MEMBER_COLORS[status]} data-testid="member-status" data-status={status}>
      {MEMBER_STATE_LABELS[status]}
    </Tag>
  );
}
