import { Tag } from 'antd';
import { ASSIGNMENT_STATUS } from '../../shared/labels';
import type { AssignmentStatus } from '../../shared/types';

/** 待评分 / 已提交 / 已回避, with `data-status` like StatusTag. */
export function AssignmentStatusTag({ status }: { status: AssignmentStatus }) {
  const s = ASSIGNMENT_STATUS[status];
  return (
    <Tag color={s.color} data-testid="assignment-status" data-status={status}>
      {s.label}
    </Tag>
  );
}

/** 12.5 → "12.50"; null → "—". */
export const fmtScore = (v: number | null | undefined) => (v == null ? '—' : v.toFixed(2));
