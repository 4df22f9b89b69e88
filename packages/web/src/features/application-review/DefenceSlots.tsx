import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ReasonModal } from '../../shared/components/ReasonModal';
import { useIsPhone } from '../../shared/responsive';
import { fmtTime } from '../../shared/time';
import { applicationReviewApi, applicationReviewKeys, type DefenceSlot } from './api';
import { SlotForm } from './SlotForm';

/** The challenge's 答辩/路演 slots and the form to schedule, change or cancel one (the operator, under review). */
export function DefenceSlots({
  challengeId,
  editable,
  applications,
}: {
  challengeId: string;
  editable: boolean;
  applications: { id: string; name: string }[];
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const phone = useIsPhone();
  const slots = useQuery({ queryKey: applicationReviewKeys.slots(challengeId), queryFn: () => applicationReviewApi.slots(challengeId) });
  const [editing, setEditing] = useState<DefenceSlot | 'new' | null>(null);
  const [cancelling, setCancelling] = useState<DefenceSlot | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: applicationReviewKeys.slots(challengeId) });

  return (
    <Card
      title="答辩/路演安排"
      extra={
        editable && (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="slot-new">
            安排答辩
          </Button>
        )
      }
      data-testid="defence-slots"
    >
      {/* Vertical on a phone: the 修改/取消 buttons go under the slot instead of squeezing its text into a narrow column. */}
      <List
        itemLayout={phone ? 'vertical' : 'horizontal'}
        dataSource={slots.data ?? []}
        loading={slots.isFetching}
        locale={{ emptyText: <Empty description="尚未安排答辩" /> }}
        renderItem={(s) => (
          <List.Item
            data-testid={`slot-${s.id}`}
            actions={
              editable && s.status === 'scheduled'
                ? [
                    <Button key="edit" size="small" onClick={() => setEditing(s)} data-testid={`slot-edit-${s.id}`}>
                      修改
                    </Button>,
                    <Button key="cancel" size="small" danger onClick={() => setCancelling(s)} data-testid={`slot-cancel-${s.id}`}>
                      取消
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  {fmtTime(s.startsAt)} – {fmtTime(s.endsAt, 'HH:mm')}
                  {s.status === 'cancelled' && <Tag>已取消</Tag>}
                </Space>
              }
              description={
                <Space orientation="vertical" size={0} style={{ wordBreak: 'break-all' }}>
                  {s.room && <span>地点：{s.room}</span>}
                  {s.onlineLink && <span>线上：{s.onlineLink}</span>}
                  <span>申报：{s.applications.map((a) => a.leadOrganizationName).join('、')}</span>
                  {s.note && <Typography.Text type="secondary">{s.note}</Typography.Text>}
                  {s.cancelReason && <Typography.Text type="secondary">取消原因：{s.cancelReason}</Typography.Text>}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <SlotForm
        open={editing !== null}
        slot={editing === 'new' ? null : editing}
        applications={applications}
        onCancel={() => setEditing(null)}
        onSubmit={async (input) => {
          if (editing && editing !== 'new') await applicationReviewApi.updateSlot(challengeId, editing.id, input);
          else await applicationReviewApi.createSlot(challengeId, input);
          setEditing(null);
          refresh();
          void message.success('已保存，相关单位和评审专家将收到通知');
        }}
      />
      <ReasonModal
        open={cancelling !== null}
        title="取消答辩场次"
        label="取消原因（将告知相关单位和专家）"
        okText="确认取消"
        onCancel={() => setCancelling(null)}
        onSubmit={async (reason) => {
          await applicationReviewApi.cancelSlot(challengeId, cancelling!.id, reason);
          setCancelling(null);
          refresh();
        }}
      />
    </Card>
  );
}
