import { CheckOutlined } from '@ant-design/icons';
import { DEAL_ACTIVITY_KIND_LABELS } from '@scenebridge/contract/deals/labels';
import type { DealActivityKind } from '@scenebridge/contract/deals/lifecycle';
import { App, Button, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/http';
import { fmtTime } from '../../shared/time';
import { dealsApi, type DealActivity, type DealDetail } from './api';

const KIND_COLORS: Record<DealActivityKind, string> = { call: 'blue', meeting: 'green', visit: 'cyan', document: 'purple', note: 'gray' };

/** The activity log, newest first, with each next step, its due date and 标记完成. */
export function ActivityTimeline({ deal, onChanged }: { deal: DealDetail; onChanged: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const done = async (a: DealActivity) => {
    setBusy(a.id);
    try {
      await dealsApi.markDone(deal.id, a.id);
      onChanged();
      void message.success('已标记完成');
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  if (deal.activities.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无跟进记录" />;
  const items = [...deal.activities].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <Timeline
      data-testid="activity-timeline"
      items={items.map((a) => ({
        color: KIND_COLORS[a.kind],
        content: (
          <div data-testid={`activity-${a.id}`}>
            <Space size={4} wrap>
              <Tag color={KIND_COLORS[a.kind]}>{DEAL_ACTIVITY_KIND_LABELS[a.kind]}</Tag>
              <Typography.Text type="secondary">
                {fmtTime(a.occurredAt)}
                {a.createdBy ? ` · ${a.createdBy.name}` : ''}
              </Typography.Text>
            </Space>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{a.note}</Typography.Paragraph>
            {a.links.length > 0 && (
              <div style={{ marginBottom: 4 }}>
                {a.links.map((l) => (
                  <a key={l.url} href={l.url} target="_blank" rel="noopener noreferrer" style={{ marginInlineEnd: 12 }}>
                    {l.title}
                  </a>
                ))}
              </div>
            )}
            {a.nextStep && (
              <Space size={6} wrap data-testid="activity-next-step-view">
                <Typography.Text>
                  下一步：{a.nextStep}（截止 {a.nextStepDueOn}）
                </Typography.Text>
                {a.nextStepDoneAt ? (
                  <Tag color="success">已于 {fmtTime(a.nextStepDoneAt, 'MM-DD HH:mm')} 完成</Tag>
                ) : a.overdue ? (
                  <Tag color="error">已逾期</Tag>
                ) : (
                  <Tag color="processing">待完成</Tag>
                )}
                {a.canMarkDone && !a.nextStepDoneAt && (
                  <Button
                    size="small"
                    icon={<CheckOutlined />}
                    loading={busy === a.id}
                    onClick={() => void done(a)}
                    data-testid={`activity-done-${a.id}`}
                  >
                    标记完成
                  </Button>
                )}
              </Space>
            )}
          </div>
        ),
      }))}
    />
  );
}
