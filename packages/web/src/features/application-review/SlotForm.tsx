import { Form, Input, Modal, Select } from 'antd';
import { DateTimePicker } from '../../shared/components/DateTimePicker';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../shared/http';
import { fromPickerValue, toPickerValue } from '../../shared/time';
import type { DefenceSlot, SlotInput } from './api';

interface Values {
  startsAt: Dayjs;
  endsAt: Dayjs;
  room?: string;
  onlineLink?: string;
  note?: string;
  applicationIds: string[];
}
interface Props {
  open: boolean;
  slot: DefenceSlot | null;
  applications: { id: string; name: string }[];
  onCancel: () => void;
  onSubmit: (input: SlotInput) => Promise<void>;
}

/** Schedules or changes a 答辩/路演 slot; times are Beijing time, as everywhere. */
export function SlotForm({ open, slot, applications, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await onSubmit({
        startsAt: fromPickerValue(v.startsAt),
        endsAt: fromPickerValue(v.endsAt),
        room: v.room?.trim() || null,
        onlineLink: v.onlineLink?.trim() || null,
        note: v.note?.trim() || null,
        applicationIds: v.applicationIds,
      });
      form.resetFields();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '保存失败，请重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={slot ? '修改答辩场次' : '安排答辩/路演'}
      okText={slot ? '保存并通知' : '安排并通知'}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onCancel}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'slot-save' }}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          slot
            ? {
                startsAt: toPickerValue(slot.startsAt),
                endsAt: toPickerValue(slot.endsAt),
                room: slot.room ?? undefined,
                onlineLink: slot.onlineLink ?? undefined,
                note: slot.note ?? undefined,
                applicationIds: slot.applications.map((a) => a.id),
              }
            : { applicationIds: [] }
        }
      >
        {/* Two single pickers, not a range picker: its two-month panel overflows a phone screen. */}
        <Form.Item name="startsAt" label="开始时间（北京时间）" rules={[{ required: true, message: '请选择开始时间' }]}>
          <DateTimePicker style={{ width: '100%' }} data-testid="slot-start" />
        </Form.Item>
        <Form.Item name="endsAt" label="结束时间（北京时间）" rules={[{ required: true, message: '请选择结束时间' }]}>
          <DateTimePicker style={{ width: '100%' }} data-testid="slot-end" />
        </Form.Item>
        <Form.Item name="room" label="会议室 / 地点">
          <Input maxLength={200} placeholder="如：科技大厦 A-301" data-testid="slot-room" />
        </Form.Item>
        <Form.Item name="onlineLink" label="线上会议链接" rules={[{ type: 'url', message: '请输入 http(s) 网址' }]}>
          <Input maxLength={500} placeholder="https://…" data-testid="slot-link" />
        </Form.Item>
        <Form.Item name="applicationIds" label="参加的申报" rules={[{ required: true, message: '请选择参加答辩的申报' }]}>
          <Select
            mode="multiple"
            options={applications.map((a) => ({ value: a.id, label: a.name }))}
            placeholder="选择申报"
            data-testid="slot-applications"
          />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={2} maxLength={1000} placeholder="如：每家汇报15分钟、答辩10分钟" />
        </Form.Item>
        {error && (
          <div role="alert" style={{ color: '#ff4d4f' }} data-testid="slot-error">
            {error}
          </div>
        )}
      </Form>
    </Modal>
  );
}
