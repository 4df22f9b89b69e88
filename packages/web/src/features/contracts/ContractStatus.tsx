import { Tag, Typography } from 'antd';
import type { ContractDeadline } from './api';
import { CONTRACT_STATE_LABELS, type ContractState } from './vocab';

const COLORS: Record<ContractState, string> = {
  draft: 'default',
  submitted: 'blue',
  accepted: 'processing',
  returned: 'orange',
  registered: 'success',
  refused: 'red',
  discarded: 'default',
};

export function ContractStatus({ status }: { status: string }) {
  return (
    <Tag color={COLORS[status as ContractState] ?? 'default'} data-testid="contract-status" data-status={status}>
      {CONTRACT_STATE_LABELS[status as ContractState] ?? status}
    </Tag>
  );
}

/**
 * The statutory last day, with 即将到期 / 已超期 when it nears or has passed. The server decides
 * both on the working-day calendar; the page only shows them.
 */
export function DueDate({ deadline, compact = false }: { deadline: ContractDeadline | null | undefined; compact?: boolean }) {
  if (!deadline) return <>—</>;
  const { dueOn, workingDaysLeft: left, dueSoon, overdue, expertReview } = deadline;
  const hint = overdue ? `已超过法定时限 ${-left} 个工作日` : left === 0 ? '今天是最后一个工作日' : `剩余 ${left} 个工作日`;
  const flag = overdue ? 'overdue' : dueSoon ? 'due_soon' : 'ok';
  return (
    <span data-testid="contract-due" data-flag={flag}>
      {dueOn} {overdue && <Tag color="red">已超期</Tag>}
      {dueSoon && <Tag color="orange">即将到期</Tag>}
      {!compact && (
        <Typography.Text type={overdue ? 'danger' : dueSoon ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
          {hint}
          {expertReview ? '（含专家评审，30个工作日）' : ''}
        </Typography.Text>
      )}
      {compact && expertReview && <Tag>专家评审</Tag>}
    </span>
  );
}
