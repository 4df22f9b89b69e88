import { Tag } from 'antd';
import { useMeta } from '../meta';
import { CALL_STATE_COLORS, ORGANIZATION_STATE_COLORS, SUBMISSION_STATE_COLORS } from '../labels';

type Kind = 'call' | 'submission' | 'organization';

const COLORS: Record<Kind, Record<string, string>> = {
  call: CALL_STATE_COLORS,
  submission: SUBMISSION_STATE_COLORS,
  organization: ORGANIZATION_STATE_COLORS,
};

export function StatusTag({ kind, status }: { kind: Kind; status: string }) {
  const m = useMeta();
  const label = kind === 'call' ? m.callState(status) : kind === 'submission' ? m.submissionState(status) : m.organizationState(status);
  return (
    <Tag color={COLORS[kind][status] ?? 'default'} data-testid="status-tag" data-status={status}>
      {label}
    </Tag>
  );
}
