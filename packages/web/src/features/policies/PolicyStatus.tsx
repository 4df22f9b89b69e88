import { Tag } from 'antd';
import { POLICY_STATE_COLORS, POLICY_STATE_LABELS, type PolicySummary } from './api';

export function PolicyStatus({ status }: { status: PolicySummary['status'] }) {
  return (
    <Tag color={POLICY_STATE_COLORS[status]} data-testid="policy-status" data-status={status}>
      {POLICY_STATE_LABELS[status]}
    </Tag>
  );
}
