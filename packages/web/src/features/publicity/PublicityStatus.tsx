import { OBJECTION_STATUS_LABELS, PUBLICITY_STATUS_LABELS } from '@scenebridge/contract/publicity/labels';
import { Tag } from 'antd';

const COLORS: Record<string, string> = { draft: 'default', running: 'processing', ended: 'gold', final: 'success', cancelled: 'red' };
const OBJECTION_COLORS: Record<string, string> = { pending: 'gold', dismissed: 'default', upheld: 'red' };

export function PublicityStatus({ status }: { status: string }) {
  return (
    <Tag color={COLORS[status] ?? 'default'} data-testid="status-tag" data-status={status}>
      {PUBLICITY_STATUS_LABELS[status] ?? status}
    </Tag>
  );
}

export function ObjectionStatus({ status }: { status: string }) {
  return (
    <Tag color={OBJECTION_COLORS[status] ?? 'default'} data-testid="objection-status" data-status={status}>
      {OBJECTION_STATUS_LABELS[status] ?? status}
    </Tag>
  );
}

/** "2025-09-26 10:00 至 2025-10-10 24:00（5个工作日）" or, before the start, the length only. */
export function windowText(p: { startedAt: string | null; lastDay: string | null; workingDays: number }, fmt: (iso: string) => string) {
  return p.startedAt && p.lastDay
    ? `${fmt(p.startedAt)} 至 ${p.lastDay} 24:00（${p.workingDays}个工作日）`
    : `${p.workingDays}个工作日（开始后按工作日历计算）`;
}
